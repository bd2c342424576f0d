import { defineCourse } from "#course";

/**
 * The course file: what this course is, apart from its chapters (content/, chapters/) and its
 * datasets (datasets/). Checked when the site builds (field by field, with the file's name);
 * every field is described in src/lib/courseConfig.ts.
 */
export default defineCourse({
  title: { en: "Computational Neuroscience, Explorable", ja: "計算論的神経科学 探索型テキスト" },
  tagline: {
    en: "Neuromatch Academy tutorials, read with live data and figures",
    ja: "Neuromatch Academy のチュートリアルを、データと動く図で読む",
  },
  sourceLocale: "en",
  localeOrder: ["ja", "en"],
  licence: {
    text: {
      en: "Text adapted from Neuromatch Academy course material (CC BY 4.0); code under BSD-3-Clause.",
      ja: "本文は Neuromatch Academy の教材（CC BY 4.0）に基づき、コードは BSD-3-Clause です。",
    },
    links: [
      { label: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", rel: "license" },
      { label: "Neuromatch Academy", url: "https://github.com/NeuromatchAcademy/course-content" },
    ],
  },
  hosts: { slides: "https://osf.io/download/{id}/" },
  // What this course's chapters add to the generic frontmatter (as Neuromatch's tutorials have them).
  frontmatter: {
    slides: { type: "string", pattern: "^[a-z0-9]{5}$", description: "The OSF id of the slides for the chapter's videos." },
    feedbackPrefix: { type: "string", pattern: "^\\w{1,40}$", description: "The prefix of the notebook's feedback ids (W1D1_T1)." },
  },
  notebook: {
    // The course's own video cell (as its notebooks have it): a tab per service.
    videoCell: `# @title {title}
from ipywidgets import widgets
from IPython.display import YouTubeVideo
from IPython.display import IFrame
from IPython.display import display


class PlayVideo(IFrame):
  def __init__(self, id, source, page=1, width=400, height=300, **kwargs):
    self.id = id
    if source == 'Bilibili':
      src = f'https://player.bilibili.com/player.html?bvid={id}&page={page}'
    elif source == 'Osf':
      src = f'https://mfr.ca-1.osf.io/render?url=https://osf.io/download/{id}/?direct%26mode=render'
    super(PlayVideo, self).__init__(src, width, height, **kwargs)


def display_videos(video_ids, W=400, H=300, fs=1):
  tab_contents = []
  for i, video_id in enumerate(video_ids):
    out = widgets.Output()
    with out:
      if video_ids[i][0] == 'Youtube':
        video = YouTubeVideo(id=video_ids[i][1], width=W,
                             height=H, fs=fs, rel=0)
        print(f'Video available at https://youtube.com/watch?v={video.id}')
      else:
        video = PlayVideo(id=video_ids[i][1], source=video_ids[i][0], width=W,
                          height=H, fs=fs, autoplay=False)
        if video_ids[i][0] == 'Bilibili':
          print(f'Video available at https://www.bilibili.com/video/{video.id}')
        elif video_ids[i][0] == 'Osf':
          print(f'Video available at https://osf.io/{video.id}')
      display(video)
    tab_contents.append(out)
  return tab_contents


video_ids = [('Youtube', '{youtube}'), ('Bilibili', '{bilibili}')]
tab_contents = display_videos(video_ids, W=854, H=480)
tabs = widgets.Tab()
tabs.children = tab_contents
for i in range(len(tab_contents)):
  tabs.set_title(i, video_ids[i][0])
display(tabs)`,
  },
});
