# Build targets that `sam build` runs for BuildMethod: makefile (one per function, with ARTIFACTS_DIR set).
# Each builds its function module and the shared module with Maven and lays out a Lambda Java deployment
# package: every runtime jar under lib/, from a clean folder so no jar of an earlier build slips in.
MVN ?= mvn -B -q

build-ResizeFunction:
	$(MAKE) package MODULE=functions/resize

build-ChangeChargeModeFunction:
	$(MAKE) package MODULE=functions/change-charge-mode

build-ShowInstanceFunction:
	$(MAKE) package MODULE=functions/show-instance

build-UpdateInstanceFunction:
	$(MAKE) package MODULE=functions/update-instance

build-ListOrdersFunction:
	$(MAKE) package MODULE=functions/orders

build-ShowOrderFunction:
	$(MAKE) package MODULE=functions/orders

build-OrderProcessorFunction:
	$(MAKE) package MODULE=functions/order-processor

package:
	test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set" >&2; exit 1; }
	rm -rf $(MODULE)/target/lambda
	$(MVN) -pl $(MODULE) -am -DskipTests package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(MODULE)/target/lambda/lib/*.jar "$(ARTIFACTS_DIR)/lib/"
	cp $(MODULE)/target/*.jar "$(ARTIFACTS_DIR)/lib/"

.PHONY: build-ResizeFunction build-ChangeChargeModeFunction build-ShowInstanceFunction build-UpdateInstanceFunction \
	build-ListOrdersFunction build-ShowOrderFunction build-OrderProcessorFunction package
