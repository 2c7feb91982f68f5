// Creates a user, or edits one (name, e-mail, role, units). An edit sends the version it
// read; if someone else saved first, the form is refilled with their version to redo the edit.
import { Alert, Form, Input, Select } from "antd";
import { useState } from "react";
import type { UserView } from "../../../domain/api/users.ts";
import { ApiError } from "../../api/client.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { UnitPicker } from "../../components/UnitPicker.tsx";
import { usersApi } from "./api.ts";
import { PASSWORD_RULES, PasswordInput } from "./PasswordInput.tsx";
import { type Role, ROLE_OPTIONS, UNIT_ROLES } from "./roles.ts";

interface Values {
  username?: string;
  fullName: string;
  email?: string | null;
  role: Role;
  unitIds: string[];
  password?: string;
}

const valuesOf = (u: UserView): Values => ({ fullName: u.fullName, email: u.email ?? "", role: u.role, unitIds: u.unitIds });

export function UserFormModal(props: {
  open: boolean;
  /** The user to edit; null to create one. */
  user: UserView | null;
  onClose(): void;
  onDone(user: UserView, created: boolean): void;
}) {
  const editing = props.user;
  const [version, setVersion] = useState<number | null>(null);
  const [conflict, setConflict] = useState(false);

  const close = () => {
    setVersion(null);
    setConflict(false);
    props.onClose();
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={editing ? `Sửa người dùng: ${editing.fullName}` : "Thêm người dùng"}
      okText={editing ? "Lưu" : "Tạo tài khoản"}
      width={600}
      initialValues={editing ? valuesOf(editing) : { role: "unit_staff", unitIds: [], email: "" }}
      onCancel={close}
      onSubmit={async (v) => {
        const email = v.email?.trim() ? v.email.trim() : null;
        if (editing) {
          const saved = await usersApi.update(editing.id, {
            version: version ?? editing.version,
            fullName: v.fullName.trim(),
            email,
            role: v.role,
            unitIds: v.unitIds ?? [],
          });
          setVersion(null);
          setConflict(false);
          props.onDone(saved, false);
        } else {
          const saved = await usersApi.create({
            username: (v.username ?? "").trim(),
            fullName: v.fullName.trim(),
            email,
            role: v.role,
            unitIds: v.unitIds ?? [],
            password: v.password ?? "",
          });
          props.onDone(saved, true);
        }
      }}
      onError={(e, form) => {
        if (e instanceof ApiError && e.status === 409 && e.current) {
          const current = e.current as UserView;
          setVersion(current.version);
          setConflict(true);
          form.setFieldsValue(valuesOf(current));
        } else if (e instanceof ApiError && e.code === "weak_password") {
          form.setFields([{ name: "password", errors: [e.message] }]);
        } else if (e instanceof ApiError && e.code === "duplicate") {
          form.setFields([{ name: "username", errors: [e.message] }]);
        }
      }}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Biểu mẫu đã được điền lại theo bản hiện tại của người dùng này. Hãy sửa lại rồi lưu."
        />
      )}
      {!editing && (
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          extra="Chữ không dấu, số và các dấu . _ - (ví dụ: nguyenvana, cv.sotaichinh)."
          rules={[
            { required: true, whitespace: true, message: "Hãy nhập tên đăng nhập." },
            { min: 3, message: "Tên đăng nhập phải có ít nhất 3 ký tự." },
            { max: 64, message: "Tên đăng nhập tối đa 64 ký tự." },
            { pattern: /^[a-zA-Z0-9._-]+$/, message: "Tên đăng nhập chỉ gồm chữ không dấu, số và các dấu . _ -" },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} autoFocus />
        </Form.Item>
      )}
      <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: "Hãy nhập họ và tên." }, { max: 200 }]}>
        <Input autoComplete="off" autoFocus={Boolean(editing)} />
      </Form.Item>
      <Form.Item label="Thư điện tử" name="email" rules={[{ type: "email", message: "Địa chỉ thư điện tử không hợp lệ." }]}>
        <Input autoComplete="off" placeholder="ten@donvi.gov.vn" />
      </Form.Item>
      <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: "Hãy chọn vai trò." }]}>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item noStyle dependencies={["role"]}>
        {({ getFieldValue }) => {
          const needsUnit = UNIT_ROLES.includes(getFieldValue("role"));
          return (
            <Form.Item
              label="Đơn vị"
              name="unitIds"
              extra={needsUnit ? "Lãnh đạo và chuyên viên đơn vị phải thuộc ít nhất một đơn vị." : "Không bắt buộc với vai trò này."}
              rules={needsUnit ? [{ required: true, type: "array", min: 1, message: "Hãy chọn ít nhất một đơn vị." }] : []}
            >
              <UnitPicker multiple placeholder="Chọn đơn vị" />
            </Form.Item>
          );
        }}
      </Form.Item>
      {!editing && (
        <Form.Item label="Mật khẩu ban đầu" name="password" rules={PASSWORD_RULES} extra="Người dùng nên đổi mật khẩu sau lần đăng nhập đầu tiên.">
          <PasswordInput />
        </Form.Item>
      )}
    </FormModal>
  );
}
