// SIPAS 2017–2020 interview (Decision 2640/QĐ-BNV): 22 criteria in 5 elements, demographics, priorities, comment.
import type { FormInput } from '../schema';
import { demographicsSection } from './demographics';
import { elementSection, satisfactionScale, sipasElements, sipasScoring, type SipasElementId } from './satisfaction-scale';

// Criterion wording: E3–E5 copied from a copy of the official form; E1–E2 unsure (reference/sipas.md).
export const sipas2017: FormInput = {
  id: 'sipas-2017',
  version: 1,
  kind: 'interview',
  title: {
    vi: 'Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS 2017–2020)',
    en: 'Survey of citizen and organisation satisfaction with the service of state administrative agencies (SIPAS 2017–2020)',
  },
  shortTitle: { vi: 'SIPAS 2017–2020', en: 'SIPAS 2017–2020' },
  description: {
    vi: 'Dành cho người từ 18 tuổi trở lên vừa nhận kết quả giải quyết thủ tục hành chính.',
    en: 'For people aged 18 or over who have just received the result of an administrative procedure.',
  },
  scale: satisfactionScale,
  sections: [
    elementSection('e1-access', 'E1', [
      { vi: 'Nơi ngồi chờ có đủ chỗ ngồi', en: 'The waiting area has enough seats' },
      { vi: 'Trang thiết bị phục vụ đầy đủ', en: 'There is enough equipment to serve people' },
      { vi: 'Trang thiết bị phục vụ hiện đại', en: 'The equipment is modern' },
      { vi: 'Trang thiết bị phục vụ dễ sử dụng', en: 'The equipment is easy to use' },
    ]),
    elementSection('e2-procedure', 'E2', [
      { vi: 'Thủ tục hành chính được niêm yết công khai đầy đủ', en: 'The procedure is posted publicly in full' },
      { vi: 'Thủ tục hành chính được niêm yết công khai chính xác', en: 'The procedure is posted publicly and accurately' },
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
      { vi: 'Công chức có thái độ giao tiếp lịch sự', en: 'The civil servant was polite' },
      { vi: 'Công chức chú ý lắng nghe ý kiến của người dân, tổ chức', en: 'The civil servant listened carefully to you' },
      {
        vi: 'Công chức trả lời, giải thích đầy đủ các ý kiến của người dân, tổ chức',
        en: 'The civil servant answered and explained all your questions fully',
      },
      {
        vi: 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo',
        en: 'The civil servant helped you fill in the dossier patiently and thoroughly',
      },
      {
        vi: 'Công chức hướng dẫn kê khai hồ sơ dễ hiểu',
        en: 'The civil servant’s guidance on the dossier was easy to understand',
      },
      {
        vi: 'Công chức tuân thủ đúng quy định trong giải quyết công việc',
        en: 'The civil servant followed the regulations in handling your matter',
      },
    ]),
    elementSection('e4-result', 'E4', [
      { vi: 'Kết quả đúng quy định', en: 'The result complies with the regulations' },
      { vi: 'Kết quả có thông tin đầy đủ', en: 'The result contains complete information' },
      { vi: 'Kết quả có thông tin chính xác', en: 'The result contains accurate information' },
    ]),
    elementSection('e5-feedback', 'E5', [
      {
        vi: 'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
        en: 'The agency provides a way to give feedback, complaints and recommendations',
      },
      {
        vi: 'Người dân, tổ chức dễ dàng thực hiện góp ý, phản ánh, kiến nghị',
        en: 'It is easy to give feedback, complaints and recommendations',
      },
      {
        vi: 'Cơ quan tiếp nhận và xử lý tích cực các góp ý, phản ánh, kiến nghị',
        en: 'The agency receives feedback, complaints and recommendations and acts on them',
      },
      {
        vi: 'Cơ quan có thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị',
        en: 'The agency reports the outcome of feedback, complaints and recommendations promptly',
      },
    ]),
    demographicsSection,
    {
      id: 'expectations',
      title: { vi: 'Mong đợi của Ông/Bà', en: 'Your expectations' },
      items: [
        {
          id: 'priorities',
          type: 'multi',
          label: {
            vi: 'Theo Ông/Bà, cơ quan cần ưu tiên cải thiện những nội dung nào?',
            en: 'Which areas should the agency improve first?',
          },
          help: { vi: 'Chọn tối đa 3 nội dung.', en: 'Choose up to 3.' },
          max: 3,
          options: (Object.keys(sipasElements) as SipasElementId[]).map((id) => ({ value: id, label: sipasElements[id] })),
        },
      ],
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
