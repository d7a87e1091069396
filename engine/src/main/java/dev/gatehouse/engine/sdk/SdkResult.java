package dev.gatehouse.engine.sdk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A generated SDK.
 *
 * @param language    its language
 * @param packageName the package name used (given or derived)
 * @param version     its version
 * @param folder      the SDK's folder, with a README.md and the stage's {@code openapi.json}
 * @param zip         the same folder as a zip (entries under the folder's name)
 * @param files       how many files were generated
 * @param elapsed     wall time of the generation, zip included
 */
public record SdkResult(SdkLanguage language, String packageName, String version, Path folder, Path zip, int files,
                        Duration elapsed) {}
