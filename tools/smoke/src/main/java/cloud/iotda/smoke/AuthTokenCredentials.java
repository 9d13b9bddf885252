package cloud.iotda.smoke;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpClient;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Credentials for a token: each request carries X-Auth-Token, as the API reference describes it, and is not signed.
 * The SDK has none of its own; its client builder accepts a credential by its class's simple name, so the class
 * clients use is {@link cloud.iotda.smoke.token.BasicCredentials}.
 */
public abstract class AuthTokenCredentials extends BasicCredentials {
    private final String token;

    protected AuthTokenCredentials(String token, String project) {
        this.token = token;
        // An access key of no use, but set: without one the SDK fetches temporary keys from a cloud server's
        // metadata service before every request.
        withProjectId(project).withAk("token").withSk("token");
    }

    protected String token() {
        return token;
    }

    @Override
    public CompletableFuture<HttpRequest> processAuthRequest(HttpRequest request, HttpClient httpClient) {
        return CompletableFuture.completedFuture(syncProcessAuthRequest(request, httpClient));
    }

    @Override
    public HttpRequest syncProcessAuthRequest(HttpRequest request, HttpClient httpClient) {
        // The project of the path, as the SDK's own credentials fill it in.
        return request.builder().addAutoFilledPathParam("project_id", getProjectId())
                .addHeader("X-Auth-Token", token).build();
    }
}
