import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/local-api-start's client: N ShowInstance calls of the demo seed, 4 at a time, against a local API just
 * started; prints the requests per second. Run as a source file (java LocalApiLoad.java BASE N).
 */
public class LocalApiLoad {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest show = HttpRequest.newBuilder(URI.create(args[0] + "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b"
                + "/iotda-instances/2a2b3c4d-0000-4000-8000-000000000001"))
                .header("X-Auth-Token", "demo-token-0e3f2c8a").build();
        int calls = Integer.parseInt(args[1]);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            answers.add(clients.submit(() -> client.send(show, HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            if (answer.get() != 200) {
                throw new IllegalStateException("answered " + answer.get());
            }
        }
        System.out.println(Math.round(calls / ((System.nanoTime() - start) / 1e9)));
        clients.shutdown();
    }
}
