# Build targets that `sam build` runs for BuildMethod: makefile (one per function, with ARTIFACTS_DIR set).
# Every function ships the same package: one jar (the functions module, one handler class per function, with the
# shared module and every runtime dependency, shaded) under lib/, from a clean folder so nothing of an earlier build
# slips in.
MVN ?= mvn -B -q
FUNCTIONS = ListInstancesFunction ListInstanceFlavorsFunction CreateInstanceFunction ShowInstanceFunction UpdateInstanceFunction \
	DeleteInstanceFunction BindInstanceTagsFunction UnbindInstanceTagsFunction ResizeFunction \
	ChangeChargeModeFunction ListOrdersFunction ShowOrderFunction ListInstanceTasksFunction \
	ShowInstanceTaskFunction RetryInstanceTaskFunction OrderProcessorFunction

$(addprefix build-,$(FUNCTIONS)): package

package:
	test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set" >&2; exit 1; }
	rm -rf functions/target/lambda
	$(MVN) -pl functions -am -DskipTests package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/target/lambda/lib/*.jar "$(ARTIFACTS_DIR)/lib/"

.PHONY: $(addprefix build-,$(FUNCTIONS)) package
