import type { ThemeConfig } from "antd";

/** Colours of a Party committee's papers: deep red with gold for the banner, a sober blue for actions. */
export const BRAND = { banner: "#9e1b1b", bannerText: "#fff", gold: "#fadb14" } as const;

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: "#1d4e89",
    colorLink: "#1d4e89",
    borderRadius: 6,
    fontSize: 14,
    fontFamily: '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: BRAND.banner, headerHeight: 56, headerPadding: "0 20px", siderBg: "#fff", bodyBg: "#f4f5f7" },
    Tree: { nodeSelectedBg: "#dbe7f5", nodeHoverBg: "#f0f3f7" },
    Menu: { itemBorderRadius: 4, itemSelectedBg: "#e6eef8", itemSelectedColor: "#1d4e89", itemHoverBg: "#f0f3f7" },
  },
};
