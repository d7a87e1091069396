/** The Authorizers page: Lambda and Cognito authorizers, the "Test authorizer" panel and the token minter. */
package dev.gatehouse.app.authorizers;
