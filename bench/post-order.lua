-- wrk script for bench/dataplane.sh's POST leg: every request POSTs the same ~1 KB JSON order (valid against the
-- bench API's Order model) with Content-Type application/json.  Usage: wrk -s bench/post-order.lua URL
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"orderId":"ord-20261125","customer":{"id":4711,"name":"Ada O'Lovelace","email":"ada@example.com"},]]
  .. [["items":[{"sku":"SKU-1001","name":"Widget, large (blue)","qty":2,"price":19.99},]]
  .. [[{"sku":"SKU-1002","name":"Gadget with a \"quoted\" name","qty":1,"price":149.5},]]
  .. [[{"sku":"SKU-1003","name":"Sprocket set of twelve","qty":4,"price":7.25},]]
  .. [[{"sku":"SKU-1004","name":"Flux capacitor replacement fuse","qty":3,"price":2.49},]]
  .. [[{"sku":"SKU-1005","name":"Cable, 2 m, braided","qty":1,"price":11.0},]]
  .. [[{"sku":"SKU-1006","name":"Gift card, printed","qty":1,"price":0}],]]
  .. [["total":246.44,"currency":"EUR",]]
  .. [["shipping":{"street":"12 Analytical Engine Road","city":"London","zip":"NW1 2DB","country":"GB"},]]
  .. [["priority":true,"notes":"Leave the parcel with the neighbour at number 14 if nobody answers the door; ]]
  .. [[do not ring after 8 pm. Fragile items inside, please handle with care and keep upright at all times.",]]
  .. [["createdAt":"2026-11-25T10:15:30Z","tags":["web","returning-customer","express","gift-wrap"]}]]
