/** Where the papers screens live in the browser. */
export const PAPERS_PATH = "/van-ban";
export const paperPath = (id: string) => `${PAPERS_PATH}/${id}`;
