package cloud.iotda.smoke;

import cloud.iotda.smoke.token.TokenCredentials;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.ICredential;
import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.region.Region;
import com.huaweicloud.sdk.iotdm.v5.IoTDMClient;
import com.huaweicloud.sdk.iotdm.v5.model.BindInstanceTags;
import com.huaweicloud.sdk.iotdm.v5.model.BindInstanceTagsRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesResponse;
import com.huaweicloud.sdk.iotdm.v5.model.QueryInstanceSimplify;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceResponse;
import com.huaweicloud.sdk.iotdm.v5.model.Tag;
import com.huaweicloud.sdk.iotdm.v5.model.UnbindInstanceTags;
import com.huaweicloud.sdk.iotdm.v5.model.UnbindInstanceTagsRequest;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * bin/smoke: a deployed stack (or the local API) checked through the official IoTDA SDK's {@code IoTDMClient}, as a
 * client would call it: read-only calls and one change that it undoes (a tag bound and unbound again). It prints a
 * line for each check and exits 0 when every check held, 1 when one did not, 2 on a usage error.
 */
public final class Smoke {
    static final String USAGE = """
            usage: bin/smoke ENDPOINT --project PROJECT_ID (--ak AK --sk SK [--region REGION] | --token TOKEN)
                             [--instance INSTANCE_ID]
              ENDPOINT   the stack's ApiUrl output, stage included (https://abc.execute-api.eu-west-1.amazonaws.com/v1),
                         or the local API (http://127.0.0.1:3000)
              --ak/--sk  an access key of the project: signed as the SDK signs (SDK-HMAC-SHA256), or with --region
                         by the derived scheme the real IoTDA requires (V11-HMAC-SHA256), scoped to that region
              --token    an X-Auth-Token of the project instead
              --instance the instance to change and undo (default: the first ACTIVE one listed)""";
    /** The tag the reversible change binds and unbinds: a key no one else uses. */
    static final String TAG_KEY = "iotda-smoke";
    /** An instance id of the documented form that names no instance. */
    private static final String MISSING = "00000000-0000-4000-8000-00000000dead";

    private final IoTDMClient client;
    private final PrintStream out;
    private final List<String> failed = new ArrayList<>();

    Smoke(IoTDMClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> flags = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length || !List.of("--project", "--ak", "--sk", "--region", "--token",
                        "--instance").contains(args[i])) {
                    err.println("smoke: " + (i + 1 >= args.length ? args[i] + " needs a value" : "unknown option "
                            + args[i]));
                    err.println(USAGE);
                    return 2;
                }
                flags.put(args[i].substring(2), args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        boolean keyPair = flags.containsKey("ak") && flags.containsKey("sk");
        if (words.size() != 1 || !flags.containsKey("project") || keyPair == flags.containsKey("token")) {
            err.println("smoke: an ENDPOINT, --project and either --ak and --sk or --token are required");
            err.println(USAGE);
            return 2;
        }
        String endpoint = words.get(0).replaceAll("/+$", "");
        String project = flags.get("project");
        ICredential credential = keyPair ? keyPair(flags.get("ak"), flags.get("sk"), project, flags.get("region"))
                : TokenCredentials.of(flags.get("token"), project);
        IoTDMClient client = IoTDMClient.newBuilder()
                .withCredential(credential)
                .withRegion(new Region(flags.getOrDefault("region", "smoke"), endpoint))
                .withDerivedAuthServiceName("iotdm")
                .build();
        out.println("smoke test of project " + project + ", signed "
                + (!keyPair ? "by X-Auth-Token" : flags.containsKey("region") ? "V11-HMAC-SHA256 for region "
                + flags.get("region") : "SDK-HMAC-SHA256"));
        return new Smoke(client, out).check(Optional.ofNullable(flags.get("instance")));
    }

    private static ICredential keyPair(String ak, String sk, String project, String region) {
        BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(project);
        return region == null ? credentials
                : credentials.withDerivedPredicate(BasicCredentials.DEFAULT_DERIVED_PREDICATE);
    }

    /** Every check in order; the change only on an instance that was found. */
    int check(Optional<String> chosen) {
        ListInstancesResponse listed = expect("ListInstances answers a page", () -> client.listInstances(
                new ListInstancesRequest().withLimit(10)), page -> "count " + page.getCount() + ", "
                + page.getInstances().size() + " on the page");
        Optional<String> instance = chosen.or(() -> Optional.ofNullable(listed).flatMap(page -> page.getInstances()
                .stream().filter(found -> "ACTIVE".equals(found.getStatus())).map(QueryInstanceSimplify::getInstanceId)
                .findFirst()));
        expectError("ShowInstance of an instance that does not exist is 404 IOTDA.060000", 404, "IOTDA.060000",
                () -> client.showInstance(new ShowInstanceRequest().withInstanceId(MISSING)));
        if (instance.isEmpty()) {
            fail("an ACTIVE instance to change and undo", "none listed; give --instance");
        } else {
            changeAndUndo(instance.get());
        }
        out.println(failed.isEmpty() ? "smoke test passed" : "smoke test FAILED: " + String.join("; ", failed));
        return failed.isEmpty() ? 0 : 1;
    }

    private void changeAndUndo(String instanceId) {
        ShowInstanceResponse before = expect("ShowInstance of " + instanceId, () -> client.showInstance(
                new ShowInstanceRequest().withInstanceId(instanceId)), shown -> shown.getStatus() + ", flavor "
                + shown.getFlavor().getType());
        if (before == null) {
            return;
        }
        String value = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Tag tag = new Tag().withKey(TAG_KEY).withValue(value);
        expect("BindInstanceTags " + TAG_KEY + "=" + value, () -> client.bindInstanceTags(
                new BindInstanceTagsRequest().withInstanceId(instanceId).withBody(new BindInstanceTags()
                        .withTags(List.of(tag)))), bound -> "bound");
        expect("ShowInstance shows the tag", () -> hasTag(instanceId, value) ? "yes" : null, shown -> shown);
        expect("UnbindInstanceTags " + TAG_KEY, () -> client.unbindInstanceTags(new UnbindInstanceTagsRequest()
                .withInstanceId(instanceId).withBody(new UnbindInstanceTags().withTags(List.of(new Tag()
                        .withKey(TAG_KEY))))), unbound -> "unbound");
        expect("ShowInstance shows the instance as before", () -> {
            ShowInstanceResponse after = client.showInstance(new ShowInstanceRequest().withInstanceId(instanceId));
            return tagsOf(after).equals(tagsOf(before)) && after.getFlavor().equals(before.getFlavor())
                    && after.getStatus().equals(before.getStatus()) ? after : null;
        }, after -> "tags, flavor and status unchanged");
    }

    private boolean hasTag(String instanceId, String value) {
        return client.showInstance(new ShowInstanceRequest().withInstanceId(instanceId)).getTags().stream()
                .anyMatch(found -> TAG_KEY.equals(found.getKey()) && value.equals(found.getValue()));
    }

    private static List<String> tagsOf(ShowInstanceResponse shown) {
        return shown.getTags() == null ? List.of() : shown.getTags().stream()
                .map(tag -> tag.getKey() + "=" + tag.getValue()).sorted().toList();
    }

    /** A call that must succeed (and not answer null): the value, described, or null after printing the failure. */
    private <T> T expect(String what, Supplier<T> call, Function<T, String> describe) {
        try {
            T value = call.get();
            if (value == null) {
                fail(what, "not as expected");
                return null;
            }
            out.println("ok   " + what + ": " + describe.apply(value));
            return value;
        } catch (ServiceResponseException e) {
            fail(what, e.getHttpStatusCode() + " " + e.getErrorCode() + " " + e.getErrorMsg());
        } catch (SdkException e) {
            fail(what, e.getMessage());
        }
        return null;
    }

    /** A call that must be refused with {@code status} and {@code code}. */
    private void expectError(String what, int status, String code, Runnable call) {
        try {
            call.run();
            fail(what, "it succeeded");
        } catch (ServiceResponseException e) {
            if (e.getHttpStatusCode() == status && code.equals(e.getErrorCode())) {
                out.println("ok   " + what);
            } else {
                fail(what, "got " + e.getHttpStatusCode() + " " + e.getErrorCode() + " " + e.getErrorMsg());
            }
        } catch (SdkException e) {
            fail(what, e.getMessage());
        }
    }

    private void fail(String what, String why) {
        out.println("FAIL " + what + ": " + why);
        failed.add(what);
    }
}
