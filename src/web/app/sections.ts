// The sections of the app, in menu order. The left menu and the home page's cards are
// both built from this list, and each shows only to users whose permissions include
// its `action` (a key of POLICY in src/server/policy.ts). A new feature adds one entry
// here and its route in router.tsx.
import { ApartmentOutlined, AuditOutlined, BellOutlined, CarryOutOutlined, DashboardOutlined, FileTextOutlined, FileWordOutlined, FundOutlined, ScheduleOutlined, TeamOutlined } from "@ant-design/icons";
import type { ComponentType } from "react";

export interface Section {
  /** Unique key; also the menu item's key. */
  key: string;
  /** Where the section lives in the browser (Vietnamese slug). */
  path: string;
  /** The menu label. */
  label: string;
  /** One sentence for the home page card. */
  description: string;
  icon: ComponentType;
  /** The policy action a user needs to see the section. */
  action: string;
}

export const SECTIONS: Section[] = [
  {
    key: "dashboard",
    path: "/dieu-hanh",
    label: "Bảng điều hành",
    description: "Toàn cảnh theo kỳ và ngày cắt số liệu: nhiệm vụ đúng hạn, trễ hạn, quá hạn; đơn vị có nhiều việc quá hạn; chỉ tiêu đạt; diễn biến theo tháng.",
    icon: DashboardOutlined,
    action: "dashboard.read",
  },
  {
    key: "my-work",
    path: "/viec-cua-toi",
    label: "Việc của tôi",
    description: "Nhiệm vụ đơn vị đang chủ trì: quá hạn lên đầu, hạn gần trước; báo cáo tiến độ, đề nghị hoàn thành, gia hạn.",
    icon: CarryOutOutlined,
    action: "directives.mine",
  },
  {
    key: "directives",
    path: "/nhiem-vu",
    label: "Theo dõi nhiệm vụ",
    description: "Bảng theo dõi các nhiệm vụ giao từ văn bản: ai làm, hạn nào, tiến độ, kết quả; đôn đốc, thống kê, xếp hạng đơn vị.",
    icon: ScheduleOutlined,
    action: "directives.read",
  },
  {
    key: "papers",
    path: "/van-ban",
    label: "Văn bản",
    description: "Tải lên kết luận, chương trình, báo cáo; hệ thống nhận diện nhiệm vụ, chỉ số, văn bản dẫn chiếu để rà soát và xác nhận.",
    icon: FileTextOutlined,
    action: "papers.read",
  },
  {
    key: "targets",
    path: "/chi-tieu",
    label: "Chỉ tiêu",
    description: "Chỉ tiêu nghị quyết, chương trình theo từng kỳ: kế hoạch, thực hiện, tình trạng, dự báo; nhập và duyệt số liệu, giải trình.",
    icon: FundOutlined,
    action: "targets.read",
  },
  {
    key: "reports",
    path: "/bao-cao",
    label: "Báo cáo",
    description: "Soạn báo cáo kết quả thực hiện nhiệm vụ (6, 9 tháng, năm, quý) và dự thảo thông báo kết luận theo thể thức văn bản của Đảng: Word, PDF, Excel.",
    icon: FileWordOutlined,
    action: "reports.generate",
  },
  {
    key: "units",
    path: "/to-chuc",
    label: "Tổ chức bộ máy",
    description: "Cây tổ chức theo từng thời điểm: đơn vị, tên gọi, trực thuộc và các lần sắp xếp, sáp nhập.",
    icon: ApartmentOutlined,
    action: "units.read",
  },
  {
    key: "users",
    path: "/nguoi-dung",
    label: "Người dùng",
    description: "Tài khoản, vai trò và đơn vị của người sử dụng phần mềm.",
    icon: TeamOutlined,
    action: "users.read",
  },
  {
    key: "audit",
    path: "/nhat-ky",
    label: "Nhật ký thay đổi",
    description: "Ai đã thay đổi gì, khi nào, từ đâu, trước và sau; kiểm tra nhật ký không bị sửa đổi.",
    icon: AuditOutlined,
    action: "audit.read",
  },
  {
    key: "notifications",
    path: "/thong-bao",
    label: "Thông báo",
    description: "Nhắc hạn, đôn đốc, quyết định về nhiệm vụ của mình.",
    icon: BellOutlined,
    action: "notifications.read",
  },
];

/** The sections a user with these permissions may open. */
export function visibleSections(permissions: Record<string, unknown>): Section[] {
  return SECTIONS.filter((s) => s.action in permissions);
}
