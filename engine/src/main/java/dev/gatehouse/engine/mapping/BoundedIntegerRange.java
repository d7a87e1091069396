package dev.gatehouse.engine.mapping;

import java.util.ArrayList;
import java.util.List;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * {@code [a..b]} that refuses to build more elements than the collection limit. Velocity's own range builds the
 * whole list before any loop guard could see it, so {@code [1..2000000000]} would exhaust the heap;
 * {@link TemplateCompiler} swaps every range node for this one right after parsing.
 */
final class BoundedIntegerRange extends ASTIntegerRange {

    BoundedIntegerRange(ASTIntegerRange original) {
        super(original.getParser(), original.getType());
        this.first = original.getFirstToken();
        this.last = original.getLastToken();
        this.template = original.getTemplate();
        this.parent = original.jjtGetParent();
        for (int i = 0; i < original.jjtGetNumChildren(); i++) {
            Node child = original.jjtGetChild(i);
            jjtAddChild(child, i);
            child.jjtSetParent(this);
        }
    }

    @Override
    public Object value(InternalContextAdapter context) {
        Object left = jjtGetChild(0).value(context);
        Object right = jjtGetChild(1).value(context);
        if (!(left instanceof Number l) || !(right instanceof Number r)) return null;
        int from = l.intValue();
        int to = r.intValue();
        long size = Math.abs((long) to - from) + 1;
        RenderGuard guard = RenderGuard.current();
        if (guard != null && size > guard.limits().maxCollectionSize()) {
            throw MappingException.at(MappingException.Kind.LIMIT_EXCEEDED, "Range [" + from + ".." + to
                            + "] has " + size + " elements; the limit is " + guard.limits().maxCollectionSize(),
                    getTemplateName(), getLine(), getColumn());
        }
        List<Integer> out = new ArrayList<>((int) size);
        int step = from <= to ? 1 : -1;
        for (int i = from; ; i += step) {
            out.add(i);
            if (i == to) break;
        }
        return out;
    }
}
