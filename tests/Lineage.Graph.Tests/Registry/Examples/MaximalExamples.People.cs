namespace Lineage.Graph.Tests.Registry.Examples;

// The aspects of the supporting entities (PeopleAndTermAspects.cs).
internal static partial class MaximalExamples
{
    private static MaximalExample[] PeopleExamples =>
    [
        new("corpUserInfo", "corpuser", """
            {"customProperties": {"cost_center": "42"}, "active": true, "displayName": "Ada Lovelace",
             "email": "ada@example.com", "title": "Data Scientist", "managerUrn": "urn:li:corpuser:grace",
             "departmentId": 7, "departmentName": "Science", "firstName": "Ada", "lastName": "Lovelace",
             "fullName": "Ada Lovelace", "countryCode": "GB", "system": false}
            """),
        // persona is a dataHubPersona urn, an entity type Lineage has no key spec for.
        new("corpUserEditableInfo", "corpuser", """
            {"aboutMe": "Recommender systems", "teams": ["recs"], "skills": ["ranking"],
             "pictureLink": "https://example.com/ada.png", "displayName": "Ada", "title": "Staff Data Scientist",
             "platforms": ["urn:li:dataPlatform:mlflow"], "persona": "urn:li:dataHubPersona:technicalUser",
             "slack": "@ada", "phone": "+44 20 7946 0000", "email": "ada@example.com",
             "informationSources": ["urn:li:dataPlatform:slack"]}
            """),
        new("corpUserStatus", "corpuser", """{"status": "ACTIVE", "lastModified": <<Stamp>>}"""),
        new("corpGroupInfo", "corpGroup", """
            {"displayName": "Recommendations", "email": "recs@example.com", "admins": ["urn:li:corpuser:ada"],
             "members": ["urn:li:corpuser:ada", "urn:li:corpuser:grace"], "groups": ["urn:li:corpGroup:science"],
             "description": "The recommendations team", "slack": "#recs", "created": <<Stamp>>}
            """),
        new("corpGroupEditableInfo", "corpGroup", """
            {"description": "Edited in the UI", "pictureLink": "https://example.com/recs.png", "slack": "#recs",
             "email": "recs@example.com"}
            """),
        new("tagProperties", "tag", """{"name": "Production ready", "description": "Safe to depend on", "colorHex": "#00FF00"}"""),
        new("glossaryTermInfo", "glossaryTerm", """
            {"customProperties": {"steward": "ada"}, "id": "Recommendation", "name": "Recommendation",
             "definition": "An item suggested to a user", "parentNode": "urn:li:glossaryNode:Products",
             "termSource": "INTERNAL", "sourceRef": "FIBO", "sourceUrl": "https://spec.example.com/recommendation",
             "rawSchema": "{\"type\": \"string\"}"}
            """),
        new("glossaryNodeInfo", "glossaryNode", """
            {"customProperties": {"steward": "ada"}, "definition": "Terms about products",
             "parentNode": "urn:li:glossaryNode:Business", "name": "Products", "id": "Products"}
            """),
        new("domainProperties", "domain", """
            {"customProperties": {"budget": "ml"}, "name": "Marketing", "description": "Marketing's assets",
             "created": <<Stamp>>, "parentDomain": "urn:li:domain:business"}
            """),
        new("containerProperties", "container", """
            {"customProperties": {"region": "eu"}, "externalUrl": "https://mlflow.example.com/experiments/3",
             "name": "ML platform", "qualifiedName": "mlflow.ml-platform", "description": "Everything MLflow holds",
             "created": <<When>>, "lastModified": <<When>>, "env": "PROD"}
            """),
        new("editableContainerProperties", "container", """{"description": "Edited in the UI"}"""),
        // displayName: from newer PDL versions than the one read (docs/registry-audit.md).
        new("dataPlatformInfo", "dataPlatform", """
            {"name": "mlflow", "displayName": "MLflow", "type": "OTHERS", "datasetNameDelimiter": ".",
             "logoUrl": "https://example.com/mlflow.png"}
            """),
        new("dataPlatformInstanceProperties", "dataPlatformInstance", """
            {"customProperties": {"region": "eu-west-1"}, "externalUrl": "https://mlflow-eu.example.com",
             "name": "EU registry", "description": "The European model registry"}
            """),
        new("ownershipTypeInfo", "ownershipType", """
            {"name": "Model steward", "description": "Answers for a model in production", "created": <<Stamp>>,
             "lastModified": <<Stamp>>}
            """),
    ];
}
