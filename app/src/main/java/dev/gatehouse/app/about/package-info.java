/** Help → About: the console's version, the build's commit and the Java runtime; the sample workspace on first start. */
package dev.gatehouse.app.about;
