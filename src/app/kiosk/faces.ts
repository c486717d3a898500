// Which face each rating level shows: unhappy levels frown, satisfied ones smile, for 3 or 5 levels alike.

/** 0 very unhappy · 1 unhappy · 2 neutral · 3 happy · 4 very happy. */
export type Mood = 0 | 1 | 2 | 3 | 4;

function spread(index: number, count: number, from: number, to: number): number {
  return count <= 1 ? to : Math.round(from + ((to - from) * index) / (count - 1));
}

/** The form says where satisfaction starts; faces below it frown, faces from it on smile. */
export function moodFor(level: number, levels: number, satisfiedAtLeast: number): Mood {
  const unhappy = satisfiedAtLeast - 1;
  const happy = levels - unhappy;
  if (level <= unhappy) return spread(level - 1, unhappy, 0, unhappy >= 3 ? 2 : 1) as Mood;
  return spread(level - satisfiedAtLeast, happy, happy >= 3 ? 2 : 3, 4) as Mood;
}

/**
 * The levels in the order both kiosk screens show them: most satisfied first, as provincial one-stop rating
 * systems read ("Rất hài lòng · Hài lòng · Không hài lòng"), left to right and top to bottom.
 */
export function levelsInOrder(levels: number): number[] {
  return Array.from({ length: levels }, (_, i) => levels - i);
}
