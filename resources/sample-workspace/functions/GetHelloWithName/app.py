def handler(event, context):
    name = (event or {}).get('name') or 'No-Name'
    print('GetHelloWithName called with', name)
    return {'Hello': name}
