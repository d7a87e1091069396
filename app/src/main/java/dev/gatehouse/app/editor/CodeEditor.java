package dev.gatehouse.app.editor;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.reactfx.Subscription;

/**
 * A RichTextFX code area with line numbers, syntax highlighting and a live problem line (RichTextFX's
 * {@code JavaKeywordsAsyncDemo}): after 300 ms without typing, the text is snapshotted on the FX thread,
 * analysed by {@link Highlighter} on the editor's own thread, and the styles applied on the FX thread unless the
 * text changed meanwhile. The bracket next to the caret and its partner carry {@link #BRACKET_MATCH} (or
 * {@link #BRACKET_UNMATCHED} when it has none), found by {@link BracketMatcher} on the FX thread as the caret
 * moves. Call {@link #dispose()} when the editor is no longer used; it stops that thread.
 */
public final class CodeEditor extends BorderPane {
    private static final String CSS = CodeEditor.class.getResource("code-editor.css").toExternalForm();
    private static final Duration QUIET = Duration.ofMillis(300);
    /** Style class of a bracket next to the caret and of its partner. */
    public static final String BRACKET_MATCH = "bracket-match";
    /** Style class of a bracket next to the caret that has no partner. */
    public static final String BRACKET_UNMATCHED = "bracket-unmatched";

    private final CodeArea area = new CodeArea();
    private final Label problemLabel = new Label();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language", Language.TEXT);
    private final ReadOnlyObjectWrapper<Optional<Highlighter.Problem>> problem =
            new ReadOnlyObjectWrapper<>(this, "problem", Optional.empty());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gatehouse-highlighter");
        t.setDaemon(true);
        return t;
    });
    private final Subscription changes;
    private final Subscription bracketEdits;
    private long generation;
    private boolean bracketsScheduled;
    private BracketMatcher.Match styled; // the positions that carry a bracket class now, or null
    private Optional<Highlighter.Problem> marked = Optional.empty();
    private final ReadOnlyObjectWrapper<Optional<BracketMatcher.Match>> bracketMatch =
            new ReadOnlyObjectWrapper<>(this, "bracketMatch", Optional.empty());

    public CodeEditor(Language initial) {
        language.set(initial);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.getStyleClass().add("gatehouse-code");
        area.setWrapText(false);
        problemLabel.getStyleClass().addAll("problem-line", "validation-error");
        problemLabel.setMaxWidth(Double.MAX_VALUE);
        problemLabel.setVisible(false);
        problemLabel.setManaged(false);
        getStylesheets().add(CSS);
        getStyleClass().add("code-editor");
        setCenter(new VirtualizedScrollPane<>(area));
        setBottom(problemLabel);
        changes = area.multiPlainChanges().successionEnds(QUIET).subscribe(ignore -> analyse());
        language.addListener((obs, old, lang) -> analyse());
        area.caretPositionProperty().addListener(o -> scheduleBrackets());
        bracketEdits = area.plainTextChanges().subscribe(this::shiftStyledBrackets);
        area.textProperty().addListener(o -> scheduleBrackets());
    }

    /** The RichTextFX area, for binding its text and finding it in tests. */
    public CodeArea area() {
        return area;
    }

    /** Replaces the whole text (no undo entry in the area) and analyses it right away. */
    public void setText(String text) {
        area.replaceText(text == null ? "" : text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        analyse();
    }

    public String getText() {
        return area.getText();
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** The newest analysis's problem; empty while the text is fine. */
    public ReadOnlyObjectProperty<Optional<Highlighter.Problem>> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Underlines a problem found outside the editor (a template playground's render error), on top of the
     * editor's own analysis, and shows its message when the text has no problem of its own; empty clears it.
     * FX thread only.
     */
    public void markProblem(Optional<Highlighter.Problem> external) {
        Optional<Highlighter.Problem> next = external == null ? Optional.empty() : external;
        if (next.equals(marked)) return;
        marked = next;
        analyse();
    }

    /** The bracket next to the caret and its partner, as highlighted now; empty when there is none. */
    public ReadOnlyObjectProperty<Optional<BracketMatcher.Match>> bracketMatchProperty() {
        return bracketMatch.getReadOnlyProperty();
    }

    public void setEditable(boolean editable) {
        area.setEditable(editable);
    }

    /** Stops the highlighting thread and the change subscription. */
    public void dispose() {
        changes.unsubscribe();
        bracketEdits.unsubscribe();
        worker.shutdownNow();
    }

    private void analyse() {
        String text = area.getText();
        Language lang = language.get();
        long mine = ++generation;
        Highlighter.Problem extra = marked.orElse(null);
        try {
            worker.execute(() -> {
                Highlighter.Result analysed = Highlighter.analyse(text, lang);
                StyleSpans<Collection<String>> spans = underline(spans(text.length(), analysed), extra, text.length());
                Highlighter.Result result = analysed.problem().isPresent() || extra == null ? analysed
                        : new Highlighter.Result(analysed.tokens(), Optional.of(extra));
                Platform.runLater(() -> {
                    if (mine != generation || !text.equals(area.getText())) return; // stale: newer text is coming
                    if (text.length() > 0) area.setStyleSpans(0, spans);
                    styled = null; // the spans replaced the bracket styles; put them back
                    markBrackets();
                    problem.set(result.problem());
                    problemLabel.setText(result.problem().map(Highlighter.Problem::message).orElse(""));
                    problemLabel.setVisible(result.problem().isPresent());
                    problemLabel.setManaged(result.problem().isPresent());
                });
            });
        } catch (RejectedExecutionException disposed) {
            // the editor was disposed; nothing to highlight any more
        }
    }

    /**
     * Restyling inside the area's own change notification would modify it while it is being modified, and a
     * keystroke moves both text and caret: mark once, after the change.
     */
    private void scheduleBrackets() {
        if (bracketsScheduled) return;
        bracketsScheduled = true;
        Platform.runLater(() -> {
            bracketsScheduled = false;
            markBrackets();
        });
    }

    /** Moves the bracket highlight to the caret's bracket; style changes are not undoable text edits. */
    private void markBrackets() {
        Optional<BracketMatcher.Match> next = BracketMatcher.find(area.getText(), area.getCaretPosition());
        BracketMatcher.Match now = next.orElse(null);
        if (java.util.Objects.equals(now, styled)) {
            bracketMatch.set(next);
            return;
        }
        if (styled != null) {
            styleBracket(styled.bracket(), BRACKET_MATCH, false);
            styleBracket(styled.bracket(), BRACKET_UNMATCHED, false);
            styleBracket(styled.match(), BRACKET_MATCH, false);
        }
        if (now != null) {
            styleBracket(now.bracket(), now.matched() ? BRACKET_MATCH : BRACKET_UNMATCHED, true);
            styleBracket(now.match(), BRACKET_MATCH, true);
        }
        styled = now;
        bracketMatch.set(next);
    }

    /** Where the styled brackets went after an edit (styles travel with their characters); -1 once deleted. */
    private void shiftStyledBrackets(org.fxmisc.richtext.model.PlainTextChange change) {
        if (styled == null) return;
        styled = new BracketMatcher.Match(shift(styled.bracket(), change), shift(styled.match(), change));
    }

    private static int shift(int at, org.fxmisc.richtext.model.PlainTextChange change) {
        if (at < change.getPosition()) return at;
        if (at < change.getRemovalEnd()) return -1;
        return at + change.getNetLength();
    }

    private void styleBracket(int at, String styleClass, boolean add) {
        if (at < 0 || at >= area.getLength()) return; // a stale position after an edit: nothing left to clear
        Collection<String> style = area.getStyleOfChar(at);
        if (style.contains(styleClass) == add) return;
        java.util.LinkedHashSet<String> next = new java.util.LinkedHashSet<>(style);
        if (add) next.add(styleClass);
        else next.remove(styleClass);
        area.setStyle(at, at + 1, next);
    }

    private static StyleSpans<Collection<String>> spans(int length, Highlighter.Result result) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int last = 0;
        List<Highlighter.Token> tokens = result.tokens();
        Highlighter.Problem p = result.problem().orElse(null);
        for (Highlighter.Token token : tokens) {
            if (token.start() < last) continue;
            builder.add(Collections.emptyList(), token.start() - last);
            builder.add(p != null && overlaps(token, p) ? List.of(token.styleClass(), "error") : List.of(token.styleClass()),
                    token.end() - token.start());
            last = token.end();
        }
        builder.add(Collections.emptyList(), Math.max(0, length - last));
        StyleSpans<Collection<String>> spans = builder.create();
        return underline(spans, p, length);
    }

    private static StyleSpans<Collection<String>> underline(StyleSpans<Collection<String>> spans, Highlighter.Problem p, int length) {
        if (p == null || p.end() <= p.start() || p.end() > length) return spans;
        return spans.overlay(new StyleSpansBuilder<Collection<String>>()
                        .add(Collections.emptyList(), p.start())
                        .add(List.of("error"), p.end() - p.start())
                        .add(Collections.emptyList(), length - p.end()).create(),
                (a, b) -> b.isEmpty() ? a : union(a, b));
    }

    private static boolean overlaps(Highlighter.Token t, Highlighter.Problem p) {
        return t.start() < p.end() && p.start() < t.end();
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
