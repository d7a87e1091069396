/**
 * The Gateway Responses page: the 21 gateway response types of an API with their effective status (AWS's
 * resolution: the exact type, then DEFAULT_4XX/DEFAULT_5XX, then the built-in default) and an editor for one
 * type's customisation.
 */
package dev.gatehouse.app.gatewayresponses;
