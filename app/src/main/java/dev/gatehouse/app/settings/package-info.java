/** The Settings page: an API's own settings (AWS {@code RestApi}) and whether it is the workspace's default API. */
package dev.gatehouse.app.settings;
