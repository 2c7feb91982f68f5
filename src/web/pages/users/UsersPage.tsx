// "Người dùng": the accounts of the province (a unit leader sees their own units' people),
// searchable and filtered by role and unit; administrators create, edit, lock and unlock
// accounts and reset passwords.
import { DownOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, Dropdown, Flex, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import type { UserView } from "../../../domain/api/users.ts";
import { formatDateTime, formatNumber, todayInVietnam, viCollator } from "../../../domain/format.ts";
import type { UnitSlice } from "../../../domain/units.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { useMe, useSession } from "../../auth/session.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { folded } from "../../components/search.ts";
import { EmptyState, LoadError } from "../../components/States.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { unitsAsOf } from "../../components/units.ts";
import { useLoad } from "../../components/useLoad.ts";
import { usersApi } from "./api.ts";
import { ResetPasswordModal } from "./ResetPasswordModal.tsx";
import { ROLE_COLORS, ROLE_OPTIONS, type Role } from "./roles.ts";
import { UserFormModal } from "./UserFormModal.tsx";

function StatusTag(props: { user: UserView }) {
  const u = props.user;
  if (u.disabled) return <Tag>Đã khóa</Tag>;
  if (u.locked)
    return (
      <Tag color="orange" style={{ whiteSpace: "normal" }} title="Do đăng nhập sai nhiều lần">
        Tạm khóa đến {formatDateTime(u.lockedUntil)}
      </Tag>
    );
  return <Tag color="green">Đang hoạt động</Tag>;
}

function useUnitNames(): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    unitsAsOf(todayInVietnam()).then(
      (units: UnitSlice[]) => setNames(new Map(units.map((u) => [u.id, u.name]))),
      () => {},
    );
  }, []);
  return names;
}

type Dialog = { type: "create" } | { type: "edit"; user: UserView } | { type: "password"; user: UserView } | null;

export default function UsersPage() {
  const me = useMe();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const canWrite = can("users.write");
  const users = useLoad((signal) => usersApi.list(signal).then((r) => r.users), []);
  const unitNames = useUnitNames();
  const [text, setText] = useState("");
  const [role, setRole] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [showDisabled, setShowDisabled] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  const rows = useMemo(() => {
    const needle = folded(text.trim());
    return (users.data ?? []).filter(
      (u) =>
        (showDisabled || !u.disabled) &&
        (!role || u.role === role) &&
        (!unitId || u.unitIds.includes(unitId)) &&
        (!needle || folded(`${u.fullName} ${u.username} ${u.email ?? ""}`).includes(needle)),
    );
  }, [users.data, text, role, unitId, showDisabled]);

  const replace = (saved: UserView) => users.setData((users.data ?? []).map((u) => (u.id === saved.id ? saved : u)));

  const toggleDisabled = (u: UserView) => {
    const disabling = !u.disabled;
    modal.confirm({
      title: disabling ? `Khóa tài khoản của ${u.fullName}?` : `Mở lại tài khoản của ${u.fullName}?`,
      content: disabling
        ? "Người này sẽ không đăng nhập được nữa và bị đăng xuất ngay. Dữ liệu họ đã nhập vẫn được giữ."
        : "Người này sẽ đăng nhập lại được bằng mật khẩu hiện có.",
      okText: disabling ? "Khóa tài khoản" : "Mở lại tài khoản",
      okButtonProps: { danger: disabling },
      cancelText: "Hủy",
      onOk: async () => {
        try {
          replace(await usersApi.update(u.id, { version: u.version, disabled: disabling }));
          message.success(disabling ? "Đã khóa tài khoản." : "Đã mở lại tài khoản.");
        } catch (e) {
          message.error(errorMessage(e));
          if (e instanceof ApiError && e.status === 409) users.reload();
        }
      },
    });
  };

  const unlock = async (u: UserView) => {
    try {
      replace(await usersApi.unlock(u.id));
      message.success(`Đã mở khóa đăng nhập cho ${u.fullName}.`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const unitsOf = (u: UserView) =>
    u.unitIds
      .map((id) => unitNames.get(id) ?? "(đơn vị đã kết thúc)")
      .sort(viCollator.compare)
      .join("; ");

  return (
    <div>
      <PageHeader
        title="Người dùng"
        subtitle={users.data ? `${formatNumber(rows.length)} / ${formatNumber(users.data.length)} tài khoản` : undefined}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ type: "create" })}>
              Thêm người dùng
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="Tìm theo họ tên, tên đăng nhập, thư"
          aria-label="Tìm người dùng"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 300 }}
        />
        <Select allowClear placeholder="Mọi vai trò" aria-label="Lọc theo vai trò" options={ROLE_OPTIONS} value={role} onChange={(v) => setRole(v ?? null)} style={{ width: 240 }} />
        <div style={{ width: 300 }}>
          <UnitPicker value={unitId} onChange={setUnitId} placeholder="Mọi đơn vị" aria-label="Lọc theo đơn vị" />
        </div>
        <Checkbox checked={showDisabled} onChange={(e) => setShowDisabled(e.target.checked)}>
          Hiện cả tài khoản đã khóa
        </Checkbox>
      </Flex>
      {users.error ? (
        <LoadError error={users.error} onRetry={users.reload} />
      ) : (
        <Table<UserView>
          rowKey="id"
          size="middle"
          loading={users.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description={users.data?.length ? "Không có người dùng nào phù hợp với bộ lọc." : "Chưa có người dùng nào."} /> }}
          columns={[
            {
              title: "Họ và tên",
              key: "name",
              sorter: (a, b) => viCollator.compare(a.fullName, b.fullName),
              render: (_, u) => (
                <div>
                  <div style={{ fontWeight: 500 }}>
                    {u.fullName}
                    {u.id === me.id && <Typography.Text type="secondary"> (bạn)</Typography.Text>}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.username}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: "Vai trò",
              key: "role",
              width: 200,
              render: (_, u) => <Tag color={ROLE_COLORS[u.role as Role]}>{u.roleLabel}</Tag>,
            },
            { title: "Đơn vị", key: "units", render: (_, u) => unitsOf(u) || <Typography.Text type="secondary">—</Typography.Text> },
            { title: "Thư điện tử", dataIndex: "email", key: "email", ellipsis: true, render: (e: string | null) => e ?? "—" },
            { title: "Trạng thái", key: "status", width: 170, render: (_, u) => <StatusTag user={u} /> },
            ...(canWrite
              ? [
                  {
                    title: "Thao tác",
                    key: "actions",
                    width: 150,
                    render: (_: unknown, u: UserView) => (
                      <Space size={4}>
                        <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ type: "edit", user: u })} aria-label={`Sửa ${u.fullName}`}>
                          Sửa
                        </Button>
                        <Dropdown
                          trigger={["click"]}
                          menu={{
                            items: [
                              { key: "password", label: "Đặt lại mật khẩu" },
                              ...(u.locked ? [{ key: "unlock", label: "Mở khóa đăng nhập" }] : []),
                              ...(u.id !== me.id ? [{ key: "disable", label: u.disabled ? "Mở lại tài khoản" : "Khóa tài khoản", danger: !u.disabled }] : []),
                            ],
                            onClick: ({ key }) => {
                              if (key === "password") setDialog({ type: "password", user: u });
                              else if (key === "unlock") void unlock(u);
                              else if (key === "disable") toggleDisabled(u);
                            },
                          }}
                        >
                          <Button size="small" aria-label={`Thao tác khác với ${u.fullName}`}>
                            Khác <DownOutlined />
                          </Button>
                        </Dropdown>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canWrite && (
        <>
          <UserFormModal
            open={dialog?.type === "create" || dialog?.type === "edit"}
            user={dialog?.type === "edit" ? dialog.user : null}
            onClose={() => setDialog(null)}
            onDone={(saved, created) => {
              setDialog(null);
              if (created) {
                users.setData([...(users.data ?? []), saved].sort((a, b) => viCollator.compare(a.fullName, b.fullName)));
                message.success(`Đã tạo tài khoản ${saved.username}.`);
              } else {
                replace(saved);
                message.success("Đã lưu.");
              }
            }}
          />
          <ResetPasswordModal
            user={dialog?.type === "password" ? dialog.user : null}
            onClose={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              message.success("Đã đặt lại mật khẩu.");
              users.reload();
            }}
          />
        </>
      )}
    </div>
  );
}
