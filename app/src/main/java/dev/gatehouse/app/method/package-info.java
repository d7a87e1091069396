/**
 * The method execution view: a {@link dev.gatehouse.app.method.PipelineDiagram} of the four phases and an
 * editor per phase (method request, integration request with mapping templates, integration responses, method
 * responses). Every change is one undoable workspace edit on the method.
 */
package dev.gatehouse.app.method;
