package cloud.iotda.local;

import cloud.iotda.Service;
import cloud.iotda.template.Template;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The template's scheduled functions, run in this process on their {@code rate(N minutes)} schedules. */
final class LocalSchedule {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours)\\)");

    private LocalSchedule() {
    }

    static ScheduledExecutorService start(Template template, Supplier<Service> services)
            throws ReflectiveOperationException {
        return start(template, services, Duration.ofMinutes(1));
    }

    /** As {@link #start(Template, Supplier)}, a minute of the schedule lasting {@code minute} (tests shorten it). */
    static ScheduledExecutorService start(Template template, Supplier<Service> services, Duration minute)
            throws ReflectiveOperationException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule");
            thread.setDaemon(true);
            return thread;
        });
        for (Template.Function function : template.functions().values()) {
            for (String expression : function.schedules()) {
                Matcher rate = RATE.matcher(expression);
                if (!rate.matches()) {
                    throw new IllegalArgumentException(function.logicalId() + ": unsupported schedule " + expression);
                }
                long minutes = Long.parseLong(rate.group(1)) * (rate.group(2).startsWith("hour") ? 60 : 1);
                RequestStreamHandler handler = LocalRoute.handler(Class.forName(function.handler().split("::")[0]),
                        services);
                scheduler.scheduleAtFixedRate(() -> {
                    try {
                        // EventBridge's scheduled event, as JSON, the way Lambda hands it over.
                        String event = "{\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"aws.events\","
                                + "\"detail-type\":\"Scheduled Event\",\"detail\":{}}";
                        ByteArrayOutputStream result = new ByteArrayOutputStream();
                        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                                result, null);
                        System.out.println(function.logicalId() + " ran: " + result.toString(StandardCharsets.UTF_8));
                    } catch (IOException | RuntimeException e) {
                        System.err.println(function.logicalId() + " failed: " + e);
                    }
                }, minutes * minute.toMillis(), minutes * minute.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return scheduler;
    }
}
