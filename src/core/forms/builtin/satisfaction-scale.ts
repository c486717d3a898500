// The five-level satisfaction scale and element names shared by the SIPAS interview forms (reference/sipas.md).
import type { FormInput } from '../schema';

type Text = { vi: string; en: string };

/** 1 = least satisfied … 5 = most; "na" is not a valid answer and is left out of every index. */
export const satisfactionScale = {
  levels: [
    { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
    { vi: 'Không hài lòng', en: 'Dissatisfied' },
    { vi: 'Bình thường', en: 'Neutral' },
    { vi: 'Hài lòng', en: 'Satisfied' },
    { vi: 'Rất hài lòng', en: 'Very satisfied' },
  ],
  na: { vi: 'Không áp dụng / Không biết', en: 'Not applicable / Don’t know' },
} satisfies NonNullable<FormInput['scale']>;

/** The five SIPAS elements; both questionnaires keep these names (confirmed for 2017–2020). */
export const sipasElements = {
  E1: { vi: 'Tiếp cận dịch vụ hành chính công', en: 'Access to public administrative services' },
  E2: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  E3: { vi: 'Công chức trực tiếp giải quyết công việc', en: 'Civil servants who handled the matter' },
  E4: { vi: 'Kết quả cung ứng dịch vụ hành chính công', en: 'Results of the public administrative service' },
  E5: {
    vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    en: 'Receiving and handling feedback, complaints and recommendations',
  },
} as const satisfies Record<string, Text>;

export type SipasElementId = keyof typeof sipasElements;

/** Equal weights: the legal weighting was not found (reference/sipas.md, "unsure"), so a form may override. */
export const sipasScoring = {
  elements: (Object.keys(sipasElements) as SipasElementId[]).map((id) => ({ id, label: sipasElements[id], weight: 1 })),
};

/** One required likert5 criterion per label, numbered E<n>.1, E<n>.2, … in order. */
function criteria(element: SipasElementId, labels: readonly Text[]) {
  return labels.map((label, i) => ({
    id: `${element}.${i + 1}`,
    type: 'likert5' as const,
    element,
    required: true,
    label,
  }));
}

/** A section holding one element's criteria, titled with the element's name. */
export function elementSection(sectionId: string, element: SipasElementId, labels: readonly Text[]) {
  return {
    id: sectionId,
    title: { vi: `${element}. ${sipasElements[element].vi}`, en: `${element}. ${sipasElements[element].en}` },
    description: {
      vi: 'Ông/Bà hãy cho biết mức độ hài lòng của mình với từng nội dung sau.',
      en: 'Please say how satisfied you are with each of the following.',
    },
    items: criteria(element, labels),
  };
}
