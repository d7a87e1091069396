package dev.gatehouse.app.method;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Choosing a method's authorizer and OAuth scopes in the Method request settings, saved as one edit. */
class MethodRequestAuthorizerTest {
    private final Harness h = Harness.petStore();
    private final MethodViewModel vm = new MethodViewModel(h.workbench);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aCognitoAuthorizerAndItsScopesAreStoredOnTheMethod() {
        h.workbench.edit("add pool", api -> api.withAuthorizers(List.of(new Authorizer("cog001", "pool",
                AuthorizerType.COGNITO_USER_POOLS, List.of("arn:aws:cognito-idp:us-east-1:123456789012:userpool/local"),
                null, null, null, "method.request.header.Authorization", null, 300))));
        String petsId = h.workbench.selectedApi().orElseThrow().resourceByPath("/pets").orElseThrow().id();
        h.workbench.select(Selection.method(petsId, "GET"));
        MethodRequestViewModel request = vm.methodRequest();
        assertThat(request.authorizers()).extracting(MethodRequestViewModel.AuthorizerChoice::id).containsExactly("cog001");

        request.authorizationTypeProperty().set(AuthorizationType.COGNITO_USER_POOLS);
        request.authorizerProperty().set(request.authorizers().getFirst());
        request.scopesProperty().set("pets/read  pets/write");
        assertThat(request.dirtyProperty().get()).isTrue();
        request.saveSettings();

        Method get = h.workbench.selectedApi().orElseThrow().resource(petsId).orElseThrow().method("GET");
        assertThat(get.authorizationType()).isEqualTo(AuthorizationType.COGNITO_USER_POOLS);
        assertThat(get.authorizerId()).isEqualTo("cog001");
        assertThat(get.authorizationScopes()).containsExactly("pets/read", "pets/write");
        assertThat(request.dirtyProperty().get()).isFalse();
    }
}
