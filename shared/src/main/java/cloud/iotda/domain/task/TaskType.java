package cloud.iotda.domain.task;

/** What a task does to its instance, with the API's names. */
public enum TaskType {
    CREATE, MODIFY, DELETE, FREEZE, UNFREEZE, UPDATE_ACCESS_CONFIG, UPDATE_ALLOW_LISTS, OPEN_SNAT
}
