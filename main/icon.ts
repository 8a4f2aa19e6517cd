/** The tray icon (16×16 PNG, a small cairn of stones), embedded so the shell needs no asset file. */
export const trayIconDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAOElEQVR4nGNgGLQgKiXvPzKmSDNVDKGfC3BpJsoQQpqpYghtw4AiLxCrGachA28AxWFAjEHY1AIAVeP3J6GqLLkAAAAASUVORK5CYII=';
