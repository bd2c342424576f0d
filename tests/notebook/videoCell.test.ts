import { describe, expect, it } from "vitest";
import { videoCellCode } from "../../src/notebook/videoCell.ts";

// A course's template as the course file gives it (the shipped course's has this line).
const TEMPLATE = "# @title {title}\nvideo_ids = [('Youtube', '{youtube}'), ('Bilibili', '{bilibili}')]\ntabs = display_videos(video_ids)";

describe("a <Video>'s cell in an exported notebook", () => {
  it("names both services when the video has both ids", () => {
    const code = videoCellCode(TEMPLATE, "Video 1", "abcdefghijk", "BV1234567890");
    expect(code).toContain("video_ids = [('Youtube', 'abcdefghijk'), ('Bilibili', 'BV1234567890')]");
  });

  it("leaves the Bilibili entry out for a video with only a YouTube id (an older notebook's)", () => {
    const code = videoCellCode(TEMPLATE, "Video 3", "wxyzabcdefg", "");
    expect(code).toContain("video_ids = [('Youtube', 'wxyzabcdefg')]\n");
    expect(code).not.toContain("'Bilibili', '");
    expect(code.split("\n")[0]).toBe("# @title Video 3");
  });
});
