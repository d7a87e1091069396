/**
 * The code editor used for mapping templates and model schemas: RichTextFX with highlighting and checks computed
 * off the FX thread, debounced ({@link dev.gatehouse.app.editor.CodeEditor}, {@link dev.gatehouse.app.editor.Highlighter}).
 */
package dev.gatehouse.app.editor;
