# boto3/botocore offline: service models are package data (JSON), a client
# signs a presigned URL and answers through a stub.
import boto3
from botocore.stub import Stubber

session = boto3.session.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                                region_name="us-east-1")
s3 = session.client("s3")
url = s3.generate_presigned_url("get_object", Params={"Bucket": "bucket", "Key": "key"}, ExpiresIn=60)
print(url.split("?")[0])
with Stubber(s3) as stub:
    stub.add_response("list_buckets", {"Buckets": [{"Name": "x"}], "Owner": {"ID": "1"}})
    print([bucket["Name"] for bucket in s3.list_buckets()["Buckets"]])
print("s3" in session.get_available_services(), s3.meta.service_model.service_name)
dynamodb = session.resource("dynamodb")
print(type(dynamodb).__name__, dynamodb.meta.service_name)
