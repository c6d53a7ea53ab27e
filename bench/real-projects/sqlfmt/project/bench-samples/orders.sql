select a,b, {{ ref('orders') }} from {{ source('shop','raw') }} where x=1 and   y = 2
