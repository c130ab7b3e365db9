#!/usr/bin/env python3
"""Writes the golden request fixtures: what DataHub's Python client (acryl-datahub 1.3) sends, request by request,
for each script of the two seed guides, in its Rest.li mode and its OpenAPI v3 mode.

The requests follow the client's sources (metadata-ingestion/src/datahub/emitter/rest_emitter.py,
emitter/request_helper.py, ingestion/graph/client.py, sdk/entity_client.py) as summarised in
shared/reference/clients.md. `{run}` stands for a token the replaying test picks, so runs don't collide.

    python3 tests/Lineage.Api.Tests/Clients/Fixtures/make_fixtures.py   # rewrites restli/*.json and openapi/*.json
"""
import json
import os
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = "1.3.0"
SYSTEM_METADATA = {
    "lastObserved": 1718000000000, "runId": "no-run-id-provided", "lastRunId": "no-run-id-provided",
    "properties": {"clientId": "acryl-datahub", "clientVersion": VERSION},
}


def headers(sdk):
    h = {"X-RestLi-Protocol-Version": "2.0.0", "Content-Type": "application/json",
         "User-Agent": "python-requests/2.32.3", "X-DataHub-Py-Cli-Version": VERSION}
    if sdk:
        h["X-DataHub-Client-Mode"] = "SDK"
    return h


def entity_type(urn):
    return urn.split(":")[2]


class Script:
    def __init__(self, name, description, mode, sdk):
        self.name, self.mode, self.sdk = name, mode, sdk
        self.doc = {"script": description, "mode": mode, "requests": []}

    def add(self, method, path, body=None, expect=None, note=None):
        step = {"method": method, "path": path, "headers": headers(self.sdk)}
        if note:
            step["note"] = note
        if body is not None:
            step["body"] = body
        step["expect"] = expect or {"status": 200}
        self.doc["requests"].append(step)

    # --- what the client sends ---------------------------------------------------------------
    def connect(self):
        self.add("GET", "/config", expect={"status": 200, "body": {"noCode": "true"}},
                 note="from_env() / the emitter's first call: status 200 and noCode == \"true\"")
        if self.sdk:
            self.add("GET", "/aspects/" + quote("urn:li:telemetry:clientId", safe="") + "?aspect=telemetryClientId&version=0",
                     expect={"status": 404}, note="telemetry client id; any failure is ignored, 404 is right")

    def proposal(self, urn, aspect_name, value, change_type="UPSERT"):
        return {"entityType": entity_type(urn), "entityUrn": urn, "changeType": change_type, "aspectName": aspect_name,
                "aspect": {"value": json.dumps(value), "contentType": "application/json"},
                "systemMetadata": SYSTEM_METADATA}

    def emit(self, writes, note=None):
        """writes: [(urn, aspectName, value)] of one entity type, as one emit / emit_mcps call."""
        if self.mode == "restli":
            if len(writes) == 1 and not self.sdk:
                urn, name, value = writes[0]
                self.add("POST", "/aspects?action=ingestProposal",
                         {"proposal": self.proposal(urn, name, value), "async": "false"}, note=note)
            else:
                self.add("POST", "/aspects?action=ingestProposalBatch",
                         {"proposals": [self.proposal(u, n, v) for u, n, v in writes], "async": "false"}, note=note)
        else:
            self.add("POST", f"/openapi/v3/entity/{entity_type(writes[0][0])}?async=false",
                     [{"urn": u, n: {"value": v, "systemMetadata": SYSTEM_METADATA, "headers": {}}} for u, n, v in writes],
                     note=note)

    def get_aspect(self, urn, name, schema_class, value):
        """graph.get_aspect: None on 404, else body["aspect"][schema_class]."""
        path = "/aspects/" + quote(urn, safe="") + f"?aspect={name}&version=0"
        if value is None:
            self.add("GET", path, expect={"status": 404}, note=f"get_aspect({name}) -> None")
        else:
            self.add("GET", path, expect={"status": 200, "body": {"aspect": {schema_class: value}}},
                     note=f"get_aspect({name}) reads aspect[{schema_class}]")

    def exists(self, urn, key_name, key_class, key_value):
        self.get_aspect(urn, key_name, key_class, key_value)

    def entities_v2(self, urn, aspects):
        """client.entities.get after exists: every aspect by name, in the order the client will re-send them."""
        self.add("GET", "/entitiesV2/" + quote(urn, safe=""),
                 expect={"status": 200, "aspectOrder": [n for n, _ in aspects],
                         "body": {"urn": urn, "aspects": {n: {"name": n, "value": v} for n, v in aspects}}},
                 note="client.entities.get: reads aspects[*].value (and systemMetadata)")

    def write(self):
        folder = os.path.join(HERE, self.mode)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, self.name + ".json"), "w") as f:
            json.dump(self.doc, f, indent=2)
            f.write("\n")


# --- the ML tutorial: DatahubRestEmitter + DataHubGraph ------------------------------------------
TABLE = "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users_feature_table_{run})"
F1 = "urn:li:mlFeature:(users_feature_table_{run},user_signup_date)"
F2 = "urn:li:mlFeature:(users_feature_table_{run},user_last_active_date)"
PK = "urn:li:mlPrimaryKey:(users_feature_table_{run},user_id)"
SOURCE = "urn:li:dataset:(urn:li:dataPlatform:hive,fct_users_created_{run},PROD)"
MODEL = "urn:li:mlModel:(urn:li:dataPlatform:science,my-test-model-{run},PROD)"
SCIENCE_MODEL = "urn:li:mlModel:(urn:li:dataPlatform:science,science-model-{run},PROD)"
GROUP = "urn:li:mlModelGroup:(urn:li:dataPlatform:science,my-model-group-{run},PROD)"
NS = "com.linkedin.ml.metadata."

FEATURE1 = {"customProperties": {}, "description": "Represents the date the user created their account",
            "dataType": "TIME", "sources": [SOURCE]}
FEATURE2 = {"customProperties": {}, "description": "Represents the date the user was last active",
            "dataType": "TIME", "sources": [SOURCE]}
PRIMARY_KEY = {"customProperties": {}, "description": "Represents the unique identifier for a user",
               "dataType": "TEXT", "sources": [SOURCE]}
TABLE_PROPS = {"customProperties": {}, "description": "Test description", "mlFeatures": [F1], "mlPrimaryKeys": [PK]}
MODEL_PROPS = {"customProperties": {}, "description": "my feature", "groups": [GROUP], "mlFeatures": [F1],
               "trainingMetrics": [{"name": "accuracy", "description": "accuracy of the model", "value": "1.0"}],
               "hyperParams": [{"name": "hyper_1", "description": "hyper_1", "value": "0.102"}], "tags": []}
GROUP_PROPS = {"customProperties": {}, "description": "my model group"}


def ml_tutorial(mode):
    create = Script("01-create-ml-entities", "ML tutorial: create_mlfeature.py, create_mlprimarykey.py, "
                    "create_mlfeature_table.py, create_mlmodel_group.py, create_mlmodel.py (emitter.emit)", mode, False)
    create.connect()
    create.emit([(F1, "mlFeatureProperties", FEATURE1)])
    create.emit([(F2, "mlFeatureProperties", FEATURE2)])
    create.emit([(PK, "mlPrimaryKeyProperties", PRIMARY_KEY)])
    create.emit([(TABLE, "mlFeatureTableProperties", TABLE_PROPS)])
    create.emit([(GROUP, "mlModelGroupProperties", GROUP_PROPS)])
    create.emit([(MODEL, "mlModelProperties", MODEL_PROPS)])
    create.write()

    read = Script("02-read-ml-entities", "ML tutorial: graph.get_aspect of each entity created", mode, False)
    read.connect()
    read.get_aspect(F1, "mlFeatureProperties", NS + "MLFeatureProperties", FEATURE1)
    read.get_aspect(PK, "mlPrimaryKeyProperties", NS + "MLPrimaryKeyProperties", PRIMARY_KEY)
    read.get_aspect(TABLE, "mlFeatureTableProperties", NS + "MLFeatureTableProperties", TABLE_PROPS)
    read.get_aspect(MODEL, "mlModelProperties", NS + "MLModelProperties", MODEL_PROPS)
    read.get_aspect(GROUP, "mlModelGroupProperties", NS + "MLModelGroupProperties", GROUP_PROPS)
    read.exists(MODEL, "mlModelKey", "com.linkedin.metadata.key.MLModelKey",
                {"platform": "urn:li:dataPlatform:science", "name": "my-test-model-{run}", "origin": "PROD"})
    read.exists(F1, "mlFeatureKey", "com.linkedin.metadata.key.MLFeatureKey",
                {"featureNamespace": "users_feature_table_{run}", "name": "user_signup_date"})
    read.get_aspect("urn:li:mlModel:(urn:li:dataPlatform:science,never-created-{run},PROD)", "mlModelProperties",
                    NS + "MLModelProperties", None)
    read.write()

    add = Script("03-read-modify-write", "ML tutorial: add_mlfeature_to_mlfeature_table.py, add_mlfeature_to_mlmodel.py, "
                 "add_mlgroup_to_mlmodel.py (get_aspect, then emit the whole aspect)", mode, False)
    add.connect()
    add.get_aspect(TABLE, "mlFeatureTableProperties", NS + "MLFeatureTableProperties", TABLE_PROPS)
    add.emit([(TABLE, "mlFeatureTableProperties", {"customProperties": {}, "mlFeatures": [F2, F1]})])
    add.get_aspect(TABLE, "mlFeatureTableProperties", NS + "MLFeatureTableProperties",
                   {"customProperties": {}, "mlFeatures": [F2, F1]})
    add.get_aspect(MODEL, "mlModelProperties", NS + "MLModelProperties", MODEL_PROPS)
    add.emit([(MODEL, "mlModelProperties", {"customProperties": {}, "mlFeatures": [F2, F1], "tags": []})])
    add.get_aspect(SCIENCE_MODEL, "mlModelProperties", NS + "MLModelProperties", None)
    add.emit([(SCIENCE_MODEL, "mlModelProperties", {"customProperties": {}, "groups": [GROUP], "tags": []})])
    add.get_aspect(SCIENCE_MODEL, "mlModelProperties", NS + "MLModelProperties",
                   {"customProperties": {}, "groups": [GROUP], "tags": []})
    add.write()


# --- the model-group guide: the new SDK, DataHubClient -------------------------------------------
RECS = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models-{run},PROD)"
RECS_KEY = {"platform": "urn:li:dataPlatform:mlflow", "name": "recommendation-models-{run}", "origin": "PROD"}
RECS_MODEL = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommendation-model-{run},PROD)"
JOB = "urn:li:dataProcessInstance:train-recommendations-{run}"
PLATFORM = {"platform": "urn:li:dataPlatform:mlflow"}
KEY_CLASS = "com.linkedin.metadata.key.MLModelGroupKey"

OWNERSHIP = {"owners": [{"owner": "urn:li:corpuser:data_science_team", "type": "TECHNICAL_OWNER"}],
             "ownerTypes": {}, "lastModified": {"time": 0, "actor": "urn:li:corpuser:unknown"}}
TAGS = {"tags": [{"tag": "urn:li:tag:production-ready"}]}
TERMS = {"terms": [{"urn": "urn:li:glossaryTerm:Recommendation"}],
         "auditStamp": {"time": 0, "actor": "urn:li:corpuser:__ingestion"}}
LINKS = {"elements": [{"url": "https://wiki.example.com/recommendations", "description": "Recommendations wiki",
                       "createStamp": {"time": 0, "actor": "urn:li:corpuser:__ingestion"}}]}
DOMAINS = {"domains": ["urn:li:domain:marketing"]}
DEPRECATION = {"deprecated": True, "note": "Superseded by the ranking models", "actor": "urn:li:corpuser:datahub",
               "decommissionTime": 1767225600000}


def model_group_guide(mode):
    props = {"customProperties": {"framework": "pytorch"}, "name": "Recommendation Models",
             "description": "Models that recommend products"}
    aspects = {"mlModelGroupKey": RECS_KEY, "dataPlatformInstance": PLATFORM, "mlModelGroupProperties": props}

    create = Script("04-sdk-create-group", "model-group guide: client.entities.upsert(MLModelGroup(...))", mode, True)
    create.connect()
    create.exists(RECS, "mlModelGroupKey", KEY_CLASS, None)
    create.emit([(RECS, "dataPlatformInstance", PLATFORM), (RECS, "mlModelGroupProperties", props)])
    create.write()

    def read_modify_update(name, description, changed_aspect, value):
        script = Script(name, description, mode, True)
        script.connect()
        script.exists(RECS, "mlModelGroupKey", KEY_CLASS, RECS_KEY)
        # The server answers the key aspect first, then the others by name; the client keeps that order.
        order = ["mlModelGroupKey"] + sorted(n for n in aspects if n != "mlModelGroupKey")
        script.entities_v2(RECS, [(n, aspects[n]) for n in order])
        aspects[changed_aspect] = value
        if changed_aspect not in order:
            order.append(changed_aspect)
        script.emit([(RECS, n, aspects[n]) for n in order],
                    note="client.entities.update: every aspect entitiesV2 returned, key aspect first, plus the change")
        script.write()

    read_modify_update("05-sdk-add-training-job", "model-group guide: group.add_training_job(job); client.entities.update(group)",
                       "mlModelGroupProperties", dict(props, trainingJobs=[JOB]))
    read_modify_update("06-sdk-add-owner", "model-group guide: add_owner(CorpUserUrn('data_science_team'))", "ownership", OWNERSHIP)
    read_modify_update("07-sdk-add-tags", "model-group guide: add_tag(TagUrn('production-ready'))", "globalTags", TAGS)
    read_modify_update("08-sdk-add-terms", "model-group guide: add_term(GlossaryTermUrn('Recommendation'))", "glossaryTerms", TERMS)
    read_modify_update("09-sdk-add-link", "model-group guide: add_link((url, text))", "institutionalMemory", LINKS)
    read_modify_update("10-sdk-set-domain", "model-group guide: set_domain(DomainUrn(id='marketing'))", "domains", DOMAINS)
    read_modify_update("11-sdk-deprecate", "model-group guide: _set_aspect(DeprecationClass(...))", "deprecation", DEPRECATION)

    add_model = Script("12-sdk-add-model-to-group", "model-group guide: MLModel(...).set_model_group(group); upsert", mode, True)
    add_model.connect()
    add_model.exists(RECS_MODEL, "mlModelKey", "com.linkedin.metadata.key.MLModelKey", None)
    add_model.emit([(RECS_MODEL, "dataPlatformInstance", PLATFORM),
                    (RECS_MODEL, "mlModelProperties", {"customProperties": {}, "tags": [], "groups": [RECS]})])
    add_model.get_aspect(RECS_MODEL, "mlModelProperties", NS + "MLModelProperties",
                         {"customProperties": {}, "tags": [], "groups": [RECS]})
    add_model.write()

    read = Script("13-sdk-read-group", "model-group guide: client.entities.get(group_urn); print name, description, "
                  "custom properties", mode, True)
    read.connect()
    read.exists(RECS, "mlModelGroupKey", KEY_CLASS, RECS_KEY)
    order = ["mlModelGroupKey"] + sorted(n for n in aspects if n != "mlModelGroupKey")
    read.entities_v2(RECS, [(n, aspects[n]) for n in order])
    read.write()


for mode in ("restli", "openapi"):
    ml_tutorial(mode)
    model_group_guide(mode)
