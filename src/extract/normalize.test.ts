import { describe, expect, it } from "vitest";
import { foldForMatch, modernTonePlacement, normalizeText, stripDiacritics } from "./normalize.ts";

describe("normalizeText", () => {
  it("turns decomposed text into NFC", () => {
    const decomposed = "Tỉnh ủy Hậu Giang".normalize("NFD");
    expect(normalizeText(decomposed)).toBe("Tỉnh ủy Hậu Giang".normalize("NFC"));
  });

  it("reads the eth typed for Đ as Đ", () => {
    expect(normalizeText("\u00D0ảng ủy")).toBe("Đảng ủy");
  });

  it("moves old-style tones to the new place", () => {
    expect(normalizeText("Uỷ ban, hoà bình, khoẻ mạnh, thuỷ lợi")).toBe("Ủy ban, hòa bình, khỏe mạnh, thủy lợi");
  });

  it("leaves qu-, closed syllables and already modern text alone", () => {
    const text = "quý, quỳnh, hoàn thành, khuyến khích, Ủy ban, toàn, thuyết";
    expect(modernTonePlacement(text)).toBe(text);
  });

  it("unifies dashes and exotic spaces, keeps line breaks", () => {
    expect(normalizeText("2020 – 2025\u00A0nhiệm kỳ \r\nmới")).toBe("2020 - 2025 nhiệm kỳ\nmới");
  });
});

describe("foldForMatch", () => {
  it("makes spellings of one body equal", () => {
    expect(foldForMatch(" Ban Cán sự đảng  Uỷ ban nhân dân tỉnh, ")).toBe(
      foldForMatch("ban cán sự đảng ủy ban nhân dân tỉnh"),
    );
  });
  it("keeps diacritics significant", () => {
    expect(foldForMatch("Ban Tổ chức")).not.toBe(foldForMatch("Ban tố chức"));
  });
  it("stripDiacritics supports loose search", () => {
    expect(stripDiacritics("Sở Tài chính Đồng Tháp")).toBe("So Tai chinh Dong Thap");
  });
});
