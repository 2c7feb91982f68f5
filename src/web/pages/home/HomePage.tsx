// The first screen after sign-in: who you are, the units you work for, and the sections you may use.
import { ArrowRightOutlined } from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { formatDate, todayInVietnam, viCollator } from "../../../domain/format.ts";
import { visibleSections } from "../../app/sections.ts";
import { useMe } from "../../auth/session.tsx";
import { unitLabel, unitsAsOf } from "../../components/units.ts";

function useUnitNames(ids: string[]): string[] | null {
  const [names, setNames] = useState<string[] | null>(null);
  const key = ids.join(",");
  useEffect(() => {
    let live = true;
    if (!key) {
      setNames([]);
      return;
    }
    unitsAsOf(todayInVietnam()).then(
      (units) => {
        const byId = new Map(units.map((u) => [u.id, u]));
        const list = key.split(",").map((id) => {
          const u = byId.get(id);
          return u ? unitLabel(u) : "(đơn vị không còn hoạt động)";
        });
        if (live) setNames(list.sort(viCollator.compare));
      },
      () => live && setNames([]),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

export default function HomePage() {
  const me = useMe();
  const sections = visibleSections(me.permissions);
  const unitNames = useUnitNames(me.unitIds);

  return (
    <div style={{ maxWidth: 1100 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Xin chào, {me.fullName}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 24, maxWidth: 760 }}
        items={[
          { key: "role", label: "Vai trò", children: <Tag color="blue">{me.roleLabel}</Tag> },
          {
            key: "units",
            label: "Đơn vị",
            children:
              unitNames === null ? (
                "…"
              ) : unitNames.length ? (
                unitNames.join("; ")
              ) : (
                <Typography.Text type="secondary">Không gắn với đơn vị cụ thể (toàn tỉnh)</Typography.Text>
              ),
          },
          { key: "province", label: "Tỉnh", children: me.provinceName },
          { key: "today", label: "Hôm nay", children: formatDate(todayInVietnam()) },
        ]}
      />
      <Typography.Title level={5}>Các mục bạn được sử dụng</Typography.Title>
      <Row gutter={[16, 16]}>
        {sections.map((s) => (
          <Col key={s.key} xs={24} md={12} xl={8}>
            <Link to={s.path} aria-label={s.label} className="home-card-link">
              <Card hoverable style={{ height: "100%" }}>
                <Card.Meta
                  avatar={
                    <span style={{ fontSize: 26, color: "#1d4e89" }}>
                      <s.icon />
                    </span>
                  }
                  title={
                    <span>
                      {s.label} <ArrowRightOutlined style={{ fontSize: 12, opacity: 0.6 }} />
                    </span>
                  }
                  description={s.description}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        Muốn đổi mật khẩu? Vào <Link to="/tai-khoan">Tài khoản của tôi</Link>.
      </Typography.Paragraph>
    </div>
  );
}
