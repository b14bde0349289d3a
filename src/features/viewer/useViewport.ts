import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import {
  centred,
  clampPan,
  fit,
  panBy,
  wheelFactor,
  zoomAt,
  ZOOM_STEP,
  type Extent,
  type Point,
  type Viewport,
} from '../../core/viewport.ts';
import { useElementSize } from './useElementSize.ts';

type Mode = { readonly kind: 'fit' } | { readonly kind: 'free'; readonly viewport: Viewport };

interface Drag {
  readonly pointer: number;
  readonly x: number;
  readonly y: number;
  readonly from: Viewport;
}

/** How an image is shown in a view, and the ways the user changes it. */
export interface ViewportControls {
  readonly viewport: Viewport;
  /** The whole image is shown, and stays so as the view resizes. */
  readonly fitted: boolean;
  readonly dragging: boolean;
  readonly fit: () => void;
  /** One image pixel per CSS pixel, centred. */
  readonly actualSize: () => void;
  /** Zooms by one step in (1) or out (-1) about the centre of the view. */
  readonly zoomStep: (direction: 1 | -1) => void;
  readonly handlers: {
    readonly onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    readonly onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    readonly onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    readonly onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
    readonly onDoubleClick: (event: { clientX: number; clientY: number }) => void;
  };
}

/**
 * Zoom and pan of an image of `width` × `height` pixels in the element `view`: fitted at first,
 * zoomed with the wheel about the cursor, panned by dragging. An empty image ignores all input.
 */
export function useViewport(
  view: RefObject<HTMLElement | null>,
  width: number,
  height: number,
): ViewportControls {
  const { width: viewWidth, height: viewHeight } = useElementSize(view);
  const [mode, setMode] = useState<Mode>({ kind: 'fit' });
  const [dragging, setDragging] = useState(false);
  const drag = useRef<Drag | null>(null);

  const image: Extent = { width, height };
  const box: Extent = { width: viewWidth, height: viewHeight };
  const empty = width <= 0 || height <= 0;
  const viewport = mode.kind === 'fit' ? fit(image, box) : clampPan(mode.viewport, image, box);

  useEffect(() => {
    const element = view.current;
    if (element === null || width <= 0 || height <= 0) return;
    const image = { width, height };
    const box = { width: viewWidth, height: viewHeight };
    const onWheel = (event: WheelEvent) => {
      // Not passive, so that a pinch (ctrl + wheel) zooms the image rather than the page.
      event.preventDefault();
      const factor = wheelFactor(event.deltaY, event.deltaMode);
      const point = pointIn(element, event);
      setMode((old) => {
        const from = old.kind === 'fit' ? fit(image, box) : old.viewport;
        return { kind: 'free', viewport: zoomAt(from, factor, point, image, box) };
      });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [view, width, height, viewWidth, viewHeight]);

  const zoomTo = (factor: number, point: Point) =>
    setMode({ kind: 'free', viewport: zoomAt(viewport, factor, point, image, box) });
  const endDrag = () => {
    drag.current = null;
    setDragging(false);
  };

  return {
    viewport,
    fitted: mode.kind === 'fit',
    dragging,
    fit: () => setMode({ kind: 'fit' }),
    actualSize: () =>
      setMode({ kind: 'free', viewport: clampPan(centred(image, box, 1), image, box) }),
    zoomStep: (direction) =>
      zoomTo(ZOOM_STEP ** direction, { x: viewWidth / 2, y: viewHeight / 2 }),
    handlers: {
      onPointerDown(event) {
        if (empty || event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = {
          pointer: event.pointerId,
          x: event.clientX,
          y: event.clientY,
          from: viewport,
        };
        setDragging(true);
      },
      onPointerMove(event) {
        const from = drag.current;
        if (from === null || from.pointer !== event.pointerId) return;
        const dx = event.clientX - from.x;
        const dy = event.clientY - from.y;
        setMode({ kind: 'free', viewport: panBy(from.from, dx, dy, image, box) });
      },
      onPointerUp: endDrag,
      onPointerCancel: endDrag,
      onDoubleClick(event) {
        if (empty) return;
        if (mode.kind === 'fit' && view.current !== null) {
          zoomTo(1 / viewport.scale, pointIn(view.current, event));
        } else setMode({ kind: 'fit' });
      },
    },
  };
}

function pointIn(element: HTMLElement, event: { clientX: number; clientY: number }): Point {
  const rect = element.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}
