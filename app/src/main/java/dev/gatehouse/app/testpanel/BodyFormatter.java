package dev.gatehouse.app.testpanel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Pretty-prints a response body as JSON or XML, judged by its content type and then by its first character.
 * Pure and thread-safe; a body that does not parse comes back unchanged. XML is parsed without DTDs or
 * external entities (a response is untrusted input).
 */
public final class BodyFormatter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BodyFormatter() {}

    /** What a body looks like. */
    public enum Kind { JSON, XML, TEXT }

    /** The kind of {@code body}, from {@code contentType}, or when there is none from its first non-blank character. */
    public static Kind kindOf(String body, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("json")) return Kind.JSON;
        if (ct.contains("xml")) return Kind.XML;
        if (!ct.isBlank()) return Kind.TEXT; // text/html, text/plain...: shown as received (HTML is not XML)
        String t = body == null ? "" : body.stripLeading();
        if (t.startsWith("{") || t.startsWith("[")) return Kind.JSON;
        if (t.startsWith("<")) return Kind.XML;
        return Kind.TEXT;
    }

    /** The body indented for reading, or unchanged when it is plain text or does not parse. */
    public static String pretty(String body, String contentType) {
        if (body == null || body.isBlank()) return body == null ? "" : body;
        return switch (kindOf(body, contentType)) {
            case JSON -> prettyJson(body);
            case XML -> prettyXml(body);
            case TEXT -> body;
        };
    }

    static String prettyJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? body : JSON.writeValueAsString(node);
        } catch (Exception e) {
            return body;
        }
    }

    static String prettyXml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e; // not printed: a body that is not XML is simply shown as received
                }
            });
            Document doc = builder.parse(new InputSource(new StringReader(body)));
            stripWhitespace(doc.getDocumentElement());
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, body.stripLeading().startsWith("<?xml") ? "no" : "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().strip();
        } catch (Exception e) {
            return body;
        }
    }

    /** Drops whitespace-only text nodes, so the transformer's indentation is not doubled. */
    private static void stripWhitespace(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) node.removeChild(child);
            else if (child.getNodeType() == Node.ELEMENT_NODE) stripWhitespace(child);
            child = next;
        }
    }
}
