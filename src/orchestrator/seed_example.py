# The seed's own example calls (shared/seeds/004), run against the Cairn Orchestrator emulator by
# seed-python.test.ts: heartbeat -> consumeNextJob -> job/update(8), written like the seed, with
# `requests` when it is importable and the standard library's urllib otherwise.
# Usage: python3 seed_example.py <host> <robot_guid>
import base64
import json
import os
import socket
import sys

host = sys.argv[1]  # orchestrator host
robot_guid = sys.argv[2]  # robot GUID
robot_machine = socket.gethostname()
robot_ip = '127.0.0.1'
robot_mac = '00:00:00:00:00:00'

headers = {
    'Authorization': 'Basic ' + base64.b64encode(robot_guid.encode('utf-8')).decode('utf-8')
}

try:
    if os.environ.get('CAIRN_SEED_NO_REQUESTS'):
        raise ImportError('told to use urllib')
    import requests

    def post(path, data):
        return requests.post(host + path, data=data, headers=headers, verify=False).text

    def put(path, data):
        return requests.put(host + path, data=data, headers=headers, verify=False).text

    print('client: requests')
except ImportError:
    import urllib.parse
    import urllib.request

    def send(method, path, data):
        body = urllib.parse.urlencode(data).encode('utf-8')
        request = urllib.request.Request(host + path, data=body, headers=headers, method=method)
        request.add_header('Content-Type', 'application/x-www-form-urlencoded')
        with urllib.request.urlopen(request) as response:
            return response.read().decode('utf-8')

    def post(path, data):
        return send('POST', path, data)

    def put(path, data):
        return send('PUT', path, data)

    print('client: urllib')

# 1. heartbeat
req = {
    'RobotGUID': robot_guid,  # robot GUID
    'Machine': robot_machine,  # Machine name
    'IP': robot_ip,  # Robot IP address
    'MAC': robot_mac,  # Robot MAC address
    'Status': 2,  # robot status
    'JobGUID': '',  # Job GUID
    'JobName': '',  # name of the executing script
    'JobType': 1  # job type, always value 1
}
heartbeat_results = json.loads(post('/api/robot/heartbeat', req))
print(heartbeat_results['HeartbeatErrorCode'])
print(heartbeat_results['ErrorText'])
print(heartbeat_results['HasNewJob'])

if heartbeat_results['HasNewJob'] == 0:
    sys.exit(0)

# 2. consumeNextJob
cnj = {
    'RobotGUID': robot_guid  # robot GUID
}
consume_result = json.loads(post('/api/robot/consumeNextJob', cnj))
print(consume_result['ConsumeJobErrorCode'])
print(consume_result['ErrorText'])
new_job = json.loads(consume_result['Job'])
job_guid = new_job['GUID']
process_version = json.loads(consume_result['ProcessVersion'])
python_script_name = process_version['Name']
# The seed reads consume_result[' Task '] (with spaces, a typo in the example); accept both keys.
task = json.loads(consume_result.get(' Task ', consume_result.get('Task')) or 'null')
print(job_guid)
print(python_script_name)
print(task)

# 3. job/update -> In Progress
job = {
    'guid': job_guid,  # GUID of the current job
    'status': 8  # new job status
}
print(put('/api/job/update', job))
