// The kiosk's quick rating of the one-stop desk: three faces, reasons when unhappy, an optional comment.
import type { FormInput } from '../schema';

// Three levels as provincial systems show them (copied); reasons follow the desk indicators (reference/sipas.md).
export const deskRating: FormInput = {
  id: 'desk-rating',
  version: 1,
  kind: 'kiosk',
  title: { vi: 'Đánh giá sự hài lòng tại Bộ phận Một cửa', en: 'Rate the one-stop desk' },
  sections: [
    {
      id: 'rating',
      title: { vi: 'Đánh giá', en: 'Rating' },
      items: [
        {
          id: 'overall',
          type: 'rating',
          required: true,
          label: {
            vi: 'Ông/Bà có hài lòng với sự phục vụ hôm nay không?',
            en: 'How satisfied are you with the service today?',
          },
          levels: 3,
          labels: [
            { vi: 'Không hài lòng', en: 'Not satisfied' },
            { vi: 'Hài lòng', en: 'Satisfied' },
            { vi: 'Rất hài lòng', en: 'Very satisfied' },
          ],
          satisfiedAtLeast: 2,
        },
      ],
    },
    {
      id: 'follow-up',
      title: { vi: 'Điều gì chưa tốt?', en: 'What was not good?' },
      items: [
        {
          id: 'reasons',
          type: 'multi',
          label: { vi: 'Điều gì làm Ông/Bà chưa hài lòng?', en: 'What were you not satisfied with?' },
          help: { vi: 'Có thể chọn nhiều ý.', en: 'You may choose more than one.' },
          showIf: { item: 'overall', op: 'lte', value: 1 },
          options: [
            { value: 'waiting-time', label: { vi: 'Thời gian chờ đợi, giải quyết hồ sơ', en: 'Waiting and processing time' } },
            { value: 'trips', label: { vi: 'Phải đi lại nhiều lần', en: 'Too many trips' } },
            { value: 'attitude', label: { vi: 'Thái độ của cán bộ, công chức', en: 'Staff attitude' } },
            { value: 'guidance', label: { vi: 'Hướng dẫn chưa rõ ràng', en: 'Unclear guidance' } },
            {
              value: 'publicity',
              label: { vi: 'Thủ tục chưa được công khai đầy đủ', en: 'Procedures not fully made public' },
            },
            { value: 'fees', label: { vi: 'Phí, lệ phí', en: 'Fees and charges' } },
            { value: 'other', label: { vi: 'Lý do khác', en: 'Something else' } },
          ],
        },
        {
          id: 'comment',
          type: 'longtext',
          label: { vi: 'Góp ý thêm (không bắt buộc)', en: 'Anything else to tell us? (optional)' },
          showIf: { item: 'overall', op: 'lte', value: 1 },
          maxLength: 500,
        },
      ],
    },
  ],
  kiosk: {
    ratingItem: 'overall',
    followUpAtMost: 1,
    followUpItems: ['reasons', 'comment'],
    thankYouSeconds: 5,
    idleSeconds: 30,
    warningSeconds: 20,
    minIntervalSeconds: 5,
  },
};
