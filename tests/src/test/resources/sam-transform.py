"""Prints template.yaml as CloudFormation after the AWS SAM transform (aws-sam-translator), as JSON.

CodeUri (and a layer's ContentUri) becomes an S3 location first, as `sam package` makes it before the transform runs in CloudFormation.
Usage: python3 sam-transform.py TEMPLATE
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no AWS managed policy, so the transform needs no IAM lookup."""

    def load(self):
        return {}


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    with open(path, encoding="utf-8") as source:
        template = yaml_parse(source.read())
    template.setdefault("Globals", {}).setdefault("Function", {})["CodeUri"] = "s3://artifacts/functions.zip"
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::LayerVersion":
            resource["Properties"]["ContentUri"] = "s3://artifacts/layer.zip"
    json.dump(transform(template, {}, NoManagedPolicies()), sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
