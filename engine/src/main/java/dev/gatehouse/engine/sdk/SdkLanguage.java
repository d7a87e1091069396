package dev.gatehouse.engine.sdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client SDK languages Gatehouse exports, each mapped to one openapi-generator generator (and library), with
 * the package-naming rules of its ecosystem.
 *
 * <p>{@link #packageNameProblem} tells why a package name cannot be used (the console validates as the user types;
 * {@link SdkGenerator} refuses with the same text). Model and operation names need no such check: the generators
 * escape reserved words themselves (a model {@code Return} becomes {@code ModelReturn} in Java).
 */
public enum SdkLanguage {
    /** ES6 modules built with Babel, HTTP through superagent: runs in browsers (bundled) and on Node.js. */
    JAVASCRIPT("javascript", "javascript", null, "JavaScript (browser and Node.js)", Naming.NPM, "js", "node", "nodejs"),
    /** TypeScript on the fetch API: no runtime dependencies in browsers or on Node.js 18+. */
    TYPESCRIPT("typescript", "typescript-fetch", null, "TypeScript (fetch)", Naming.NPM, "ts", "typescript-fetch"),
    /**
     * Java 8+ and Android on OkHttp and Gson (openapi-generator's {@code okhttp-gson}): the libraries Android apps
     * already carry, with API-key authentication in the client ({@code java.net.http}-based clients have none).
     */
    JAVA("java", "java", "okhttp-gson", "Java and Android (OkHttp, Gson)", Naming.JAVA, "android", "jvm"),
    /** Swift 6 with URLSession: iOS, macOS, tvOS, watchOS (CocoaPods, Carthage or Swift Package Manager). */
    SWIFT("swift", "swift6", null, "Swift 6 (iOS, macOS)", Naming.SWIFT, "swift6", "swift5", "ios"),
    /** Kotlin/JVM on OkHttp 4 and Moshi. */
    KOTLIN("kotlin", "kotlin", null, "Kotlin (JVM, Android)", Naming.KOTLIN, "kt"),
    /** Python 3.9+ on urllib3 and pydantic v2. */
    PYTHON("python", "python", null, "Python 3", Naming.PYTHON, "py", "python3"),
    /** A Ruby gem on Typhoeus. */
    RUBY("ruby", "ruby", null, "Ruby", Naming.RUBY, "rb"),
    /** A Go module on net/http. */
    GO("go", "go", null, "Go", Naming.GO, "golang");

    private final String id;
    private final String generatorName;
    private final String library;
    private final String displayName;
    private final Naming naming;
    private final List<String> aliases;

    SdkLanguage(String id, String generatorName, String library, String displayName, Naming naming, String... aliases) {
        this.id = id;
        this.generatorName = generatorName;
        this.library = library;
        this.displayName = displayName;
        this.naming = naming;
        this.aliases = List.of(aliases);
    }

    /** The name used on the command line and in file names, e.g. {@code javascript}. */
    public String id() {
        return id;
    }

    /** The openapi-generator generator, e.g. {@code typescript-fetch}. */
    public String generatorName() {
        return generatorName;
    }

    /** The generator's {@code library} option, or null for the generator's default. */
    public String library() {
        return library;
    }

    /** What the console shows, e.g. "Java for Android (OkHttp, Gson)". */
    public String displayName() {
        return displayName;
    }

    /** What the package name means in this language, e.g. "npm package name", for labels and messages. */
    public String packageNameLabel() {
        return naming.label;
    }

    /**
     * The language called {@code name}: its id, an alias ({@code js}, {@code ts}, {@code py}, {@code golang},
     * {@code swift5}, {@code ios}, {@code android}…) or an AWS GetSdk type ({@code javascript}, {@code android}, {@code java},
     * {@code swift}, {@code ruby}). Case does not matter.
     *
     * @throws SdkException naming the languages there are
     */
    public static SdkLanguage of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (SdkLanguage l : values()) {
            if (l.id.equals(n) || l.aliases.contains(n)) return l;
        }
        if (n.equals("objectivec")) {
            throw new SdkException("Objective-C SDKs are not generated any more: use --lang swift");
        }
        throw new SdkException("unknown SDK language '" + name + "': use one of "
                + Arrays.stream(values()).map(SdkLanguage::id).collect(Collectors.joining(", ")));
    }

    /** The package name used when none is given, derived from the API's name (e.g. PetStore → {@code pet-store}). */
    public String defaultPackageName(String apiName) {
        List<String> words = words(apiName);
        if (words.isEmpty() || !Character.isLetter(words.get(0).charAt(0))) words = prepend("api", words);
        return switch (naming) {
            case NPM -> String.join("-", words);
            case JAVA, KOTLIN -> "client." + String.join("", words);
            case SWIFT -> pascal(words);
            case PYTHON, RUBY -> String.join("_", words);
            case GO -> String.join("", words);
        };
    }

    /**
     * Why {@code packageName} cannot name an SDK in this language, or empty when it can. The text is a whole
     * sentence naming the value, e.g. "'com.class' is not a valid Java package name: 'class' is a reserved word".
     */
    public Optional<String> packageNameProblem(String packageName) {
        return Optional.ofNullable(naming.problem(packageName));
    }

    /** The generator's additional properties for this language (package, version and the options Gatehouse fixes). */
    Map<String, Object> properties(String packageName, String version, String apiName) {
        Map<String, Object> p = new LinkedHashMap<>();
        String artifact = String.join("-", words(apiName)).isEmpty() ? "api-client" : String.join("-", words(apiName)) + "-client";
        switch (this) {
            case JAVASCRIPT -> {
                p.put("projectName", packageName);
                p.put("projectVersion", version);
                p.put("usePromises", true);
                p.put("moduleName", pascal(words(packageName.substring(packageName.indexOf('/') + 1))));
            }
            case TYPESCRIPT -> {
                p.put("npmName", packageName);
                p.put("npmVersion", version);
                p.put("supportsES6", true);
            }
            case JAVA -> {
                p.put("invokerPackage", packageName);
                p.put("apiPackage", packageName + ".api");
                p.put("modelPackage", packageName + ".model");
                p.put("groupId", packageName);
                p.put("artifactId", artifact);
                p.put("artifactVersion", version);
                p.put("hideGenerationTimestamp", true);
                p.put("openApiNullable", false);
            }
            case KOTLIN -> {
                p.put("packageName", packageName);
                p.put("groupId", packageName);
                p.put("artifactId", artifact);
                p.put("artifactVersion", version);
            }
            case SWIFT -> {
                p.put("projectName", packageName);
                p.put("podVersion", version);
                p.put("hideGenerationTimestamp", true);
            }
            case PYTHON -> {
                p.put("packageName", packageName);
                p.put("projectName", packageName.replace('_', '-'));
                p.put("packageVersion", version);
            }
            case RUBY -> {
                p.put("gemName", packageName);
                p.put("moduleName", pascal(words(packageName)));
                p.put("gemVersion", version);
            }
            case GO -> {
                p.put("packageName", packageName);
                p.put("packageVersion", version);
                p.put("isGoSubmodule", false);
                p.put("gitUserId", "gatehouse");
                p.put("gitRepoId", packageName);
            }
        }
        return p;
    }

    /** Lower-case words of a name: "PetStore API v2" → [pet, store, api, v2]. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) return out;
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        for (String w : spaced.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) out.add(w.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static String pascal(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        return b.toString();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /** Package-naming rules per ecosystem. */
    private enum Naming {
        NPM("npm package name") {
            private static final Pattern NAME = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");

            @Override String check(String n) {
                if (n.length() > 214) return "longer than 214 characters";
                if (!NAME.matcher(n).matches()) {
                    return "use lower-case letters, digits, '-', '.', '_' and '~', optionally scoped as @scope/name";
                }
                return null;
            }
        },
        JAVA("Java package name") {
            @Override String check(String n) {
                return dotted(n, JAVA_KEYWORDS);
            }
        },
        KOTLIN("Kotlin package name") {
            @Override String check(String n) {
                return dotted(n, KOTLIN_KEYWORDS);
            }
        },
        SWIFT("Swift module name") {
            @Override String check(String n) {
                return identifier(n, SWIFT_KEYWORDS, "a letter or '_' followed by letters, digits or '_'");
            }
        },
        PYTHON("Python package name") {
            @Override String check(String n) {
                if (!n.matches("[a-z_][a-z0-9_]*")) return "use lower-case letters, digits and '_', not starting with a digit";
                return PYTHON_KEYWORDS.contains(n) ? "'" + n + "' is a reserved word" : null;
            }
        },
        RUBY("Ruby gem name") {
            @Override String check(String n) {
                return n.matches("[a-z][a-z0-9_]*") ? null : "use lower-case letters, digits and '_', starting with a letter";
            }
        },
        GO("Go package name") {
            @Override String check(String n) {
                if (!n.matches("[a-z][a-z0-9_]*")) return "use lower-case letters, digits and '_', starting with a letter";
                return GO_KEYWORDS.contains(n) ? "'" + n + "' is a reserved word" : null;
            }
        };

        final String label;

        Naming(String label) {
            this.label = label;
        }

        /** The reason the name is bad, without the name, or null. */
        abstract String check(String name);

        String problem(String name) {
            if (name == null || name.isBlank()) return "the " + label + " is empty";
            String why = check(name);
            return why == null ? null : "'" + name + "' is not a valid " + label + ": " + why;
        }

        static String dotted(String n, Set<String> keywords) {
            if (n.startsWith(".") || n.endsWith(".") || n.contains("..")) return "empty segment between dots";
            for (String segment : n.split("\\.")) {
                String why = identifier(segment, keywords, "segments are letters, digits, '_' or '$', not starting with a digit");
                if (why != null) return why;
            }
            return null;
        }

        static String identifier(String n, Set<String> keywords, String rule) {
            if (!n.matches("[A-Za-z_$][A-Za-z0-9_$]*") || (n.contains("$") && rule.startsWith("a letter"))) return rule;
            return keywords.contains(n) ? "'" + n + "' is a reserved word" : null;
        }
    }

    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "_");
    private static final Set<String> KOTLIN_KEYWORDS = union(JAVA_KEYWORDS, Set.of("as", "fun", "in", "is", "object",
            "typealias", "typeof", "val", "var", "when"));
    private static final Set<String> SWIFT_KEYWORDS = Set.of("associatedtype", "class", "deinit", "enum", "extension",
            "fileprivate", "func", "import", "init", "inout", "internal", "let", "open", "operator", "private",
            "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
            "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
            "switch", "where", "while", "as", "Any", "catch", "false", "is", "nil", "super", "self", "Self", "throw",
            "throws", "true", "try", "Type", "Protocol", "_");
    private static final Set<String> PYTHON_KEYWORDS = Set.of("false", "none", "true", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final Set<String> GO_KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default",
            "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
            "range", "return", "select", "struct", "switch", "type", "var");

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
