package cloud.iotda.domain.task;

/** Where a task is: waiting (for payment or its window), running, or ended one way or the other. */
public enum TaskStatus {
    PENDING, RUNNING, SUCCESS, FAILED;

    public boolean ended() {
        return this == SUCCESS || this == FAILED;
    }
}
