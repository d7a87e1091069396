/**
 * Bodies on the wire: binary media types, AWS's {@code contentHandling} conversions (text ↔ base64) and gzip of
 * responses above an API's {@code minimumCompressionSize}. Used by mapping, the integrations and the pipeline's
 * outer compression slot; depends on nothing of ours but the {@code Filter} contract.
 */
package dev.gatehouse.engine.payload;
