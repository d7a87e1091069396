package dev.gatehouse.app.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Authorizers page against a real workspace session: a Cognito authorizer on the workspace key, tested with a
 * minted token (claims shown, client status 200 as TestInvokeAuthorizer reports it) and without (401); delete refused
 * while a method uses the authorizer; the editor's checks.
 */
class AuthorizersViewModelTest {

    private final Harness h = Harness.sample();
    private final List<String> methodPanelTokens = new ArrayList<>();
    private final AuthorizersViewModel vm = new AuthorizersViewModel(h.workbench, h.workbench.tasks(), methodPanelTokens::add);

    @AfterEach
    void close() {
        h.close();
    }

    private AuthorizersViewModel.Row saveCognito(String name) {
        vm.newAuthorizer();
        vm.nameProperty().set(name);
        vm.typeProperty().set(AuthorizerType.COGNITO_USER_POOLS);
        vm.trustWorkspaceKey();
        vm.save();
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCognitoAuthorizerOnTheWorkspaceKeyAcceptsAMintedTokenAndShowsItsClaims() {
        AuthorizersViewModel.Row row = saveCognito("pool");
        assertThat(row.detail()).isEqualTo("arn:aws:cognito-idp:us-east-1:123456789012:userpool/local");
        assertThat(h.api().authorizer(row.id()).orElseThrow().providerARNs())
                .containsExactly("arn:aws:cognito-idp:us-east-1:123456789012:userpool/local");

        vm.subProperty().set("ana");
        vm.customClaimsProperty().set("email=ana@example.com");
        vm.mint();
        assertThat(vm.tokenProperty().get()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        vm.useInTestPanel();
        assertThat(vm.testHeadersProperty().get()).isEqualTo("Authorization: " + vm.tokenProperty().get());
        assertThat(methodPanelTokens).containsExactly(vm.tokenProperty().get());

        vm.selectedProperty().set(row);
        vm.test();
        assertThat(vm.testStatusProperty().get()).startsWith("Response code 200 (allowed)");
        assertThat(vm.testClaimsProperty().get()).contains("email = ana@example.com\n").contains("sub = ana\n");
        assertThat(vm.testLogProperty().get()).startsWith("Execution log for request test-request\n");

        vm.testHeadersProperty().set("");
        vm.test();
        assertThat(vm.testStatusProperty().get()).startsWith("Response code 401 (refused)");
    }

    @Test
    void anAuthorizerAMethodUsesCannotBeDeletedAndTheProblemNamesTheMethod() {
        AuthorizersViewModel.Row row = saveCognito("in-use");
        Resource first = h.api().resources().stream().filter(r -> !r.resourceMethods().isEmpty()).findFirst().orElseThrow();
        String verb = first.resourceMethods().keySet().iterator().next();
        h.workbench.edit("use it", api -> api.withResource(first.withMethod(
                first.method(verb).withAuthorization(AuthorizationType.COGNITO_USER_POOLS, row.id(), null))));
        AuthorizersViewModel.Row used = vm.rows().stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
        assertThat(used.usedBy()).containsExactly(verb + " " + first.path());

        vm.selectedProperty().set(used);
        vm.delete();
        assertThat(vm.problemProperty().get()).contains("used by " + verb + " " + first.path());
        assertThat(h.api().authorizer(row.id())).isPresent();
    }

    @Test
    void theEditorRefusesWhatAwsWouldRefuse() {
        vm.newAuthorizer();
        vm.nameProperty().set("tok");
        vm.typeProperty().set(AuthorizerType.TOKEN);
        vm.functionProperty().set("auth");
        vm.ttlProperty().set("3601");
        vm.save();
        assertThat(vm.problemProperty().get()).isEqualTo("Authorizer caching (TTL) must be a whole number of seconds from 0 to 3600");
        vm.ttlProperty().set("0");
        vm.identitySourceProperty().set("method.request.querystring.t");
        vm.save();
        assertThat(vm.problemProperty().get()).isEqualTo("A TOKEN authorizer reads one header: method.request.header.NAME");
        vm.identitySourceProperty().set("method.request.header.Authorization");
        vm.validationExpressionProperty().set("([a-z");
        vm.save();
        assertThat(vm.problemProperty().get()).startsWith("Token validation is not a valid regular expression");
        vm.validationExpressionProperty().set("^[a-z]+$");
        vm.save();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(h.api().authorizers()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("tok");
            assertThat(a.authorizerUri()).isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations");
            assertThat(a.identityValidationExpression()).isEqualTo("^[a-z]+$");
        });
    }
}
