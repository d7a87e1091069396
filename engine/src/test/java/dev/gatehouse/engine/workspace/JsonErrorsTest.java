package dev.gatehouse.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonErrorsTest {

    /** What a person fixing the file must never see: the parsers' own vocabulary. */
    private static final String[] INTERNALS = {"Source:", "REDACTED", "StreamRead", "com.fasterxml", "dev.gatehouse",
            "org.yaml", "'reader'", "<block", "VALUE_", "START_", "(code ", "`", "java."};

    private static String jsonFailure(String text) {
        Throwable e = catchThrowable(() -> Json.mapper().readTree(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("the parser refuses %s", text).isNotNull();
        return JsonErrors.describe(e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"a":{"b":1}`          | the file ends before the object opened at line 1, column 1 is closed
            `{"a":[1,2`             | the file ends before the array opened at line 1, column 6 is closed
            `{"a":1,`               | the file ends inside an object
            `{"a":"unterminated`    | the file ends inside a string
            `{"a":1 "b":2}`         | unexpected '"': expected ',' or '}'
            `{a:1}`                 | unexpected 'a': expected a field name in double quotes
            `{"a" 1}`               | unexpected '1': expected ':' after the field name
            `{"a":[1 2]}`           | unexpected '2': expected ',' or ']'
            `{"a":nope}`            | unexpected 'nope': expected a value (a string in double quotes, a number, an object, an array, true, false or null)
            `{"a":[1}`              | unexpected '}': expected ']' to close the array opened at line 1, column 6
            `{"a":1,"a":2}`         | duplicate key 'a'
            """)
    void jsonSyntaxErrorsAreSaidInTheProductsWords(String text, String expected) {
        String message = jsonFailure(text);
        assertThat(message).isEqualTo(expected).doesNotContain(INTERNALS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"restApi":{"id":"a","name":"x","colour":"blue"},"resources":[]}` | unknown field 'colour'
            `{"restApi":{"id":"a","name":"x"},"resources":{}}`                 | expected an array, not an object
            `{"restApi":[],"resources":[]}`                                     | expected an object, not an array
            """)
    void definitionsOfTheWrongShapeNameTheFieldNotTheJavaType(String text, String expected) {
        Throwable e = catchThrowable(() -> Json.mapper().readValue(text, ApiDefinition.class));
        assertThat(JsonErrors.describe(e)).startsWith(expected).doesNotContain(INTERNALS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `paths:\\n  /a:\\n    get:\\n      x: 1\\n     post: 2\\n`     | a line is indented differently from the keys beside it (check the indentation here and above)
            `info:\\n  title: "open\\n`                                     | a quoted string is not closed before the end of the file
            `a: b: c\\n`                                                    | a ':' where no key may start (a value with ': ' in it needs quotes, or the indentation is off)
            """)
    void yamlSyntaxErrorsAreSaidInTheProductsWords(String text, String expected) {
        Throwable e = catchThrowable(() -> new YAMLMapper().readTree(text.replace("\\n", "\n")));
        assertThat(e).isNotNull();
        assertThat(JsonErrors.describe(e)).isEqualTo(expected).doesNotContain(INTERNALS);
    }
}
