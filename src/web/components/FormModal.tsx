// A dialog with a form: OK submits (Enter works in any field), the server's message
// shows at the top when it refuses, and field problems land beside their fields.
import { Alert, Form, type FormInstance, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { ApiError, errorMessage } from "../api/client.ts";

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  /** Resolves when saved (the modal closes) or throws an ApiError (the modal stays, showing it). */
  onSubmit(values: V, form: FormInstance<V>): Promise<void>;
  onCancel(): void;
  /** Called with every refusal, e.g. to show the current data after a 409. */
  onError?(error: unknown, form: FormInstance<V>): void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/**
 * Each opening gets a fresh form (a new inner component once the previous dialog has closed), so the
 * initial values of this opening are never mixed with what was typed or loaded the last time.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const [generation, setGeneration] = useState(0);
  return <FormModalBody<V> key={generation} {...props} afterClose={() => setGeneration((g) => g + 1)} />;
}

function FormModalBody<V extends object>(props: FormModalProps<V> & { afterClose(): void }) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; list: string[] } | null>(null);


  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await props.onSubmit(values, form);
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : [];
      const known = new Set(Object.keys(form.getFieldsValue(true) as object));
      const placed = fields.filter((f) => known.has(f.path));
      if (placed.length) form.setFields(placed.map((f) => ({ name: f.path as never, errors: [f.message] })));
      const rest = [...fields.filter((f) => !known.has(f.path)).map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)), ...(e instanceof ApiError ? e.problems : [])];
      // For invalid input the server's message repeats the first problem: a plain title, then the list.
      const message = e instanceof ApiError && e.code === "invalid_input" && (rest.length || placed.length) ? "Dữ liệu chưa hợp lệ, hãy kiểm tra lại." : errorMessage(e);
      setProblem({ message, list: rest });
      props.onError?.(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? "Lưu"}
      cancelText="Hủy"
      okButtonProps={{ danger: props.danger, loading: busy }}
      cancelButtonProps={{ disabled: busy }}
      onOk={() => void submit()}
      onCancel={() => !busy && props.onCancel()}
      width={props.width ?? 560}
      destroyOnHidden
      afterClose={props.afterClose}
      mask={{ closable: false }}
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem.message}
          description={problem.list.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{problem.list.map((p, i) => <li key={i}>{p}</li>)}</ul> : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<V> form={form} layout="vertical" initialValues={props.initialValues} onFinish={() => void submit()} disabled={busy} requiredMark="optional">
        {typeof props.children === "function" ? props.children(form) : props.children}
        {/* Enter in a text field submits the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
