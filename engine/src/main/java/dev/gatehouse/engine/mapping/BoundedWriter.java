package dev.gatehouse.engine.mapping;

import java.io.Writer;

/** The render's output: a string builder that stops at the output limit and at the render deadline. */
final class BoundedWriter extends Writer {

    private final StringBuilder out;
    private final RenderGuard guard;
    private final int max;

    /** @param capacity the expected output length (the builder grows past it as needed) */
    BoundedWriter(RenderGuard guard, int capacity) {
        this.guard = guard;
        this.max = guard.limits().maxOutputChars();
        this.out = new StringBuilder(Math.max(16, Math.min(capacity, max)));
    }

    /** The characters written so far. */
    int length() {
        return out.length();
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        ensure(len);
        out.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        ensure(len);
        out.append(str, off, off + len);
    }

    @Override
    public void write(int c) {
        ensure(1);
        out.append((char) c);
    }

    private void ensure(int len) {
        guard.tick();
        if ((long) out.length() + len > max) {
            throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    "Template output exceeded the limit of " + max + " characters");
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return out.toString();
    }
}
