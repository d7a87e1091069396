/** The API Keys page (ACCESS): keys listed, created (generated or imported), enabled or disabled, shown on demand, deleted. */
package dev.gatehouse.app.keys;
