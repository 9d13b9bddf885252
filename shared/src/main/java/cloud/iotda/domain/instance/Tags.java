package cloud.iotda.domain.instance;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An instance's tags: at most {@link #MAX_TAGS}, one per key, in the order they were first bound. */
public record Tags(List<Tag> list) {
    public static final int MAX_TAGS = 20;
    public static final Tags NONE = new Tags(List.of());

    public Tags {
        list = List.copyOf(list);
        if (list.stream().map(Tag::key).distinct().count() != list.size()) {
            throw new IllegalArgumentException("tag keys repeat: " + list);
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** These tags with {@code added} bound: a key already present takes the new value. */
    public Tags bind(List<Tag> added) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        list.forEach(tag -> byKey.put(tag.key(), tag));
        added.forEach(tag -> byKey.put(tag.key(), tag));
        if (byKey.size() > MAX_TAGS) {
            throw Rejected.because(Reason.TOO_MANY_TAGS, byKey.size(), MAX_TAGS);
        }
        return new Tags(new ArrayList<>(byKey.values()));
    }

    /** These tags without the keys of {@code removed}; a key that is not bound is no error. */
    public Tags unbind(List<Tag> removed) {
        List<String> keys = removed.stream().map(Tag::key).toList();
        return new Tags(list.stream().filter(tag -> !keys.contains(tag.key())).toList());
    }
}
