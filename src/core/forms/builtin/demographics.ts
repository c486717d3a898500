// Who answered (SIPAS demographics, copied wording): coded values so exports and breakdowns stay stable across languages.
import type { FormInput } from '../schema';

type SectionInput = FormInput['sections'][number];

const other = { value: 'other', label: { vi: 'Khác', en: 'Other' } };

export const demographicsSection = {
  id: 'demographics',
  title: { vi: 'Thông tin về người trả lời', en: 'About you' },
  description: {
    vi: 'Các thông tin này chỉ dùng để thống kê, không ghi tên người trả lời.',
    en: 'This is used for statistics only; your name is not recorded.',
  },
  items: [
    {
      id: 'gender',
      type: 'single',
      label: { vi: 'Giới tính', en: 'Gender' },
      options: [
        { value: 'male', label: { vi: 'Nam', en: 'Male' } },
        { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
      ],
    },
    {
      id: 'age',
      type: 'single',
      label: { vi: 'Tuổi', en: 'Age' },
      options: [
        { value: '18-25', label: { vi: 'Từ 18 đến 25 tuổi', en: '18 to 25' } },
        { value: '26-34', label: { vi: 'Từ 26 đến 34 tuổi', en: '26 to 34' } },
        { value: '35-49', label: { vi: 'Từ 35 đến 49 tuổi', en: '35 to 49' } },
        { value: '50-60', label: { vi: 'Từ 50 đến 60 tuổi', en: '50 to 60' } },
        { value: 'over-60', label: { vi: 'Trên 60 tuổi', en: 'Over 60' } },
      ],
    },
    {
      id: 'ethnicity',
      type: 'single',
      label: { vi: 'Dân tộc', en: 'Ethnic group' },
      options: [
        { value: 'kinh', label: { vi: 'Kinh', en: 'Kinh' } },
        { value: 'other', label: { vi: 'Dân tộc khác', en: 'Other ethnic group' } },
      ],
    },
    {
      id: 'education',
      type: 'single',
      label: { vi: 'Trình độ học vấn', en: 'Education' },
      options: [
        { value: 'primary', label: { vi: 'Tiểu học', en: 'Primary school' } },
        { value: 'lower-secondary', label: { vi: 'Trung học cơ sở', en: 'Lower secondary school' } },
        { value: 'upper-secondary', label: { vi: 'Trung học phổ thông', en: 'Upper secondary school' } },
        { value: 'vocational-college', label: { vi: 'Trung cấp, cao đẳng', en: 'Vocational school or college' } },
        { value: 'university', label: { vi: 'Đại học trở lên', en: 'University or higher' } },
        other,
      ],
    },
    {
      id: 'occupation',
      type: 'single',
      label: { vi: 'Nghề nghiệp', en: 'Occupation' },
      options: [
        { value: 'retired', label: { vi: 'Nghỉ hưu', en: 'Retired' } },
        { value: 'not-working', label: { vi: 'Không đi làm', en: 'Not working' } },
        { value: 'self-employed', label: { vi: 'Làm nghề tự do', en: 'Self-employed' } },
        { value: 'student', label: { vi: 'Học sinh, sinh viên', en: 'Pupil or student' } },
        { value: 'private-sector', label: { vi: 'Làm việc trong khu vực tư nhân', en: 'Works in the private sector' } },
        { value: 'public-sector', label: { vi: 'Làm việc trong khu vực nhà nước', en: 'Works in the public sector' } },
        other,
      ],
    },
    {
      id: 'occupation-other',
      type: 'text',
      label: { vi: 'Nghề nghiệp khác (ghi rõ)', en: 'Other occupation (please specify)' },
      showIf: { item: 'occupation', op: 'in', values: ['other'] },
      maxLength: 100,
    },
    {
      id: 'residence',
      type: 'single',
      label: { vi: 'Nơi sinh sống', en: 'Where you live' },
      options: [
        { value: 'urban', label: { vi: 'Thành thị', en: 'Urban area' } },
        { value: 'rural', label: { vi: 'Nông thôn', en: 'Rural area' } },
      ],
    },
  ],
} satisfies SectionInput;
