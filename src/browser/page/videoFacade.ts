/**
 * Replaces a video facade by the player only when the reader presses play, so no request goes
 * to YouTube or Bilibili before that. Without JavaScript the facade stays a plain link.
 */
export function enableVideoFacades(root: ParentNode): void {
  for (const facade of root.querySelectorAll<HTMLAnchorElement>("a.video-facade")) {
    facade.addEventListener("click", (event) => {
      event.preventDefault();
      const frame = document.createElement("iframe");
      frame.src = facade.dataset.embed ?? facade.href;
      frame.title = facade.dataset.title ?? "";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.className = "video-frame";
      facade.replaceWith(frame);
      frame.focus();
    });
  }
}
