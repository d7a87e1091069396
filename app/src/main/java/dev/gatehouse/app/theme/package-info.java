/** Light and dark themes (AtlantaFX Primer) and the console's stylesheet of shared style classes. */
package dev.gatehouse.app.theme;
