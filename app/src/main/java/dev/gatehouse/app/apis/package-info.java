/**
 * Creating APIs (new, clone, import, example) and deleting them, as AWS's console offers it. {@code ApisViewModel}
 * holds the form and the commands; {@code CreateApiDialog} only builds and binds.
 */
package dev.gatehouse.app.apis;
