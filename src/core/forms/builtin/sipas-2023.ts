// SIPAS 2023–2026 interview (Decision 1001/QĐ-BNV, copied): 19 service criteria, 9 improvement priorities, comment.
import type { FormInput } from '../schema';
import { elementSection, satisfactionScale, sipasScoring } from './satisfaction-scale';

const extent = [
  { value: 'very-much', label: { vi: 'Rất nhiều', en: 'Very much' } },
  { value: 'much', label: { vi: 'Nhiều', en: 'Much' } },
  { value: 'little', label: { vi: 'Ít', en: 'A little' } },
];

// The official list of the 9 areas was not found (reference/sipas.md gives only "9 areas, each rất nhiều /
// nhiều / ít"): these follow the 9 indicators of the one-stop-desk assessment, one for one, in that order.
// Unsure: check against a copy of the 1001/QĐ-BNV questionnaire before relying on the wording.
const priorityAreas = [
  { vi: 'Rút ngắn tổng thời gian giải quyết thủ tục hành chính', en: 'Shorten the total time to settle a procedure' },
  { vi: 'Giảm thời gian giải quyết tại từng cơ quan', en: 'Cut the time spent at each agency' },
  { vi: 'Giảm số lần phải đi lại để hoàn thiện hồ sơ', en: 'Cut the number of trips needed to complete the dossier' },
  { vi: 'Giảm số cơ quan phải liên hệ', en: 'Cut the number of agencies you have to deal with' },
  {
    vi: 'Tiếp nhận hồ sơ và trả kết quả tại Bộ phận Một cửa',
    en: 'Take in dossiers and hand back results at the one-stop desk',
  },
  {
    vi: 'Công khai thủ tục hành chính đầy đủ, dễ hiểu',
    en: 'Make procedures public in full and in plain words',
  },
  {
    vi: 'Nâng cao thái độ, tinh thần phục vụ của công chức',
    en: 'Improve civil servants’ attitude and willingness to help',
  },
  {
    vi: 'Tiếp nhận và trả lời góp ý, phản ánh, kiến nghị',
    en: 'Receive and answer feedback, complaints and recommendations',
  },
  { vi: 'Nâng cao chất lượng dịch vụ công trực tuyến', en: 'Improve online public services' },
];

export const sipas2023: FormInput = {
  id: 'sipas-2023',
  version: 1,
  kind: 'interview',
  title: {
    vi: 'Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS 2023–2026)',
    en: 'Survey of citizen and organisation satisfaction with the service of state administrative agencies (SIPAS 2023–2026)',
  },
  shortTitle: { vi: 'SIPAS 2023–2026', en: 'SIPAS 2023–2026' },
  description: {
    vi: 'Dành cho người từ 18 tuổi trở lên vừa nhận kết quả giải quyết thủ tục hành chính.',
    en: 'For people aged 18 or over who have just received the result of an administrative procedure.',
  },
  scale: satisfactionScale,
  sections: [
    elementSection('e1-access', 'E1', [
      {
        vi: 'Có nhiều hình thức cung cấp thông tin về dịch vụ hành chính công',
        en: 'Information about the service is available in several ways',
      },
      { vi: 'Biển hiệu, chỉ dẫn rõ ràng', en: 'Signs and directions are clear' },
      { vi: 'Trụ sở sạch sẽ, văn minh', en: 'The premises are clean and well kept' },
      { vi: 'Trang thiết bị phục vụ đầy đủ, chất lượng tốt', en: 'There is enough equipment and it works well' },
    ]),
    elementSection('e2-procedure', 'E2', [
      {
        vi: 'Thủ tục hành chính được niêm yết dễ thấy, dễ hiểu',
        en: 'The procedure is posted where it is easy to see, in words easy to understand',
      },
      {
        vi: 'Thành phần hồ sơ phải nộp đúng quy định',
        en: 'The documents you had to submit were those the regulations require',
      },
      { vi: 'Phí, lệ phí phải nộp đúng quy định', en: 'The fees and charges you paid were those the regulations set' },
      {
        vi: 'Thời hạn giải quyết đúng quy định',
        en: 'The matter was settled within the time limit the regulations set',
      },
    ]),
    elementSection('e3-civil-servant', 'E3', [
      { vi: 'Công chức giao tiếp lịch sự, tôn trọng', en: 'The civil servant was polite and respectful' },
      {
        vi: 'Công chức trả lời, giải thích kịp thời, đầy đủ',
        en: 'The civil servant answered and explained promptly and fully',
      },
      {
        vi: 'Công chức hướng dẫn dễ hiểu, giúp hoàn thiện hồ sơ sau một lần hướng dẫn',
        en: 'The guidance was easy to understand, so the dossier was complete after one explanation',
      },
      {
        vi: 'Công chức tuân thủ đúng quy định trong giải quyết công việc',
        en: 'The civil servant followed the regulations in handling your matter',
      },
      { vi: 'Công chức tận tình giúp đỡ', en: 'The civil servant was helpful and caring' },
    ]),
    elementSection('e4-result', 'E4', [
      { vi: 'Kết quả được trả đúng hẹn', en: 'The result was handed back on the promised date' },
      { vi: 'Kết quả có thông tin đầy đủ, chính xác', en: 'The result contains complete and accurate information' },
      { vi: 'Kết quả giải quyết công bằng', en: 'The decision was fair' },
    ]),
    elementSection('e5-feedback', 'E5', [
      {
        vi: 'Hình thức góp ý, phản ánh, kiến nghị dễ thực hiện',
        en: 'It is easy to give feedback, complaints and recommendations',
      },
      {
        vi: 'Góp ý, phản ánh, kiến nghị được xử lý đúng quy định',
        en: 'Feedback, complaints and recommendations are handled as the regulations require',
      },
      {
        vi: 'Kết quả xử lý góp ý, phản ánh, kiến nghị được thông báo kịp thời',
        en: 'The outcome of feedback, complaints and recommendations is reported promptly',
      },
    ]),
    {
      id: 'priorities',
      title: { vi: 'Những nội dung cần cải thiện', en: 'What should improve' },
      description: {
        vi: 'Theo Ông/Bà, cơ quan cần cải thiện từng nội dung sau ở mức nào?',
        en: 'How much should the agency improve each of the following?',
      },
      items: priorityAreas.map((label, i) => ({ id: `P${i + 1}`, type: 'single' as const, label, options: extent })),
    },
    {
      id: 'closing',
      title: { vi: 'Ý kiến khác', en: 'Other comments' },
      items: [
        {
          id: 'comment',
          type: 'longtext',
          label: {
            vi: 'Ông/Bà có góp ý gì thêm để cơ quan phục vụ tốt hơn?',
            en: 'Is there anything else the agency could do to serve you better?',
          },
          maxLength: 2000,
        },
      ],
    },
  ],
  scoring: sipasScoring,
};
